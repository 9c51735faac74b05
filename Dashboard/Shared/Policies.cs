using GzBioPlan.Dashboard.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>The named authorization policies endpoints and pages ask for.</summary>
public static class Policies
{
    /// <summary>Leaders, the coordination office, municipal units and admins: whoever reads the whole city.</summary>
    public const string CityReaders = "city-readers";

    /// <summary>The coordination office: accept, return, lock, edit the breakdown, open and close 督办.</summary>
    public const string Office = "office";

    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(CityReaders, p => p.RequireAssertion(c => c.User.SeesCity()))
        .AddPolicy(Office, p => p.RequireAssertion(c => c.User.Reviews()));
}
