using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Hosting;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Ingest;

var builder = WebApplication.CreateBuilder(args);
builder.AddObservability();
builder.AddPersistence();
builder.AddIngest();
builder.AddAccounts();
builder.AddDashboard();

var app = builder.Build();
if (AdminCommand.Matches(args)) return await AdminCommand.RunAsync(app, args);
if (!await app.InitializeAsync()) return 1;

app.UseDashboard();
await app.RunAsync();
return 0;

public partial class Program;
