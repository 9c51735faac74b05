using GzBioPlan.Domain.Flagship;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>
/// Reads the 申请表 page's posted fields into an <see cref="ApplicationForm"/>: single fields as <c>f.{key}</c>, each
/// equipment group as a textarea <c>eq.{n}</c> (one device per line), the rows as <c>ip.{i}.…</c> and <c>std.{i}.…</c>;
/// blank rows are dropped. Nothing is judged here (that is <see cref="ApplicationRules"/>), except a value longer than
/// any draft keeps.
/// </summary>
public static class FormBinding
{
    public static (ApplicationForm Form, string? Problem) Read(IFormCollection posted)
    {
        var form = new ApplicationForm();
        string? problem = null;
        string Get(string name)
        {
            var v = posted[name].ToString().Trim();
            if (v.Length > ApplicationRules.DraftCap) problem ??= $"有一项内容超过 {ApplicationRules.DraftCap} 字，远超申请表的字数限制，未保存，请精简后重试。";
            return v;
        }
        foreach (var f in FormFields.All)
        {
            var v = Get("f." + f.Key);
            if (v.Length > 0) form.Values[f.Key] = v;
        }
        for (var g = 0; g < FormFields.EquipmentGroups.Count; g++)
        {
            var items = Get($"eq.{g}").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (items.Count > 0) form.Equipment[FormFields.EquipmentGroups[g]] = items;
        }
        for (var i = 0; i < Rows(posted, "ip.count"); i++)
        {
            var row = new IpRight(Get($"ip.{i}.name"), Get($"ip.{i}.category"), NullIfEmpty(Get($"ip.{i}.other")), Get($"ip.{i}.authority"), Get($"ip.{i}.granted"));
            if (row is not { Name: "", CategoryOther: null, Authority: "", GrantedOn: "" }) form.IpRights.Add(row);
        }
        for (var i = 0; i < Rows(posted, "std.count"); i++)
        {
            var row = new StandardRow(Get($"std.{i}.name"), Get($"std.{i}.number"), Get($"std.{i}.level"));
            if (row is not { Name: "", Number: "" }) form.Standards.Add(row);
        }
        return (form, problem);
    }

    private static int Rows(IFormCollection posted, string name) =>
        int.TryParse(posted[name], out var n) ? Math.Clamp(n, 0, ApplicationRules.MaxRows + 5) : 0;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
