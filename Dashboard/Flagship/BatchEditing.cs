using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>A batch's fields as the office posts them (contacts, 领域 and 类型 one per line).</summary>
public sealed record BatchInput(int Year, string CallTitle, string CallNumber, string NoticeTitle, string NoticeNumber, DateOnly? ApplicantDeadline,
    DateOnly? DistrictDeadline, DateOnly? ProvinceDeadline, int? Quota, IReadOnlyList<BatchContact> Contacts, string PostalAddress, string Email,
    IReadOnlyList<string> Fields, IReadOnlyList<string> Kinds, IReadOnlyList<Criterion> Criteria)
{
    public static BatchInput Read(IFormCollection f)
    {
        static string T(IFormCollection f, string k) => f[k].ToString().Trim();
        static IReadOnlyList<string> Lines(string text) => [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct()];
        var contacts = Lines(T(f, "contacts")).Select(l => l.Split([' ', '\t', '　'], 2, StringSplitOptions.RemoveEmptyEntries))
            .Select(p => new BatchContact(p[0], p.Length > 1 ? p[1].Trim() : "")).ToList();
        return new BatchInput(int.TryParse(f["year"], out var y) ? y : 0, T(f, "callTitle"), T(f, "callNumber"), T(f, "noticeTitle"), T(f, "noticeNumber"),
            ApplicationRules.Date(f["applicantDeadline"]), ApplicationRules.Date(f["districtDeadline"]), ApplicationRules.Date(f["provinceDeadline"]),
            int.TryParse(f["quota"], out var q) ? q : null, contacts, T(f, "postalAddress"), T(f, "email"), [.. Lines(T(f, "fields")).Where(l => l != "其他")], Lines(T(f, "kinds")),
            [.. Lines(T(f, "criteria")).Select(l => l.Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries))
                .Select(p => new Criterion(string.Join(" ", p[..^1]), p.Length > 1 && int.TryParse(p[^1], out var w) ? w : 0))]);
    }

    /// <summary>What is wrong, in Chinese, or null. Deadlines are working days of the reporting calendar, in order.</summary>
    public string? Problem(WorkingDays days)
    {
        if (Year is < 2024 or > 2100) return "年份应在 2024 至 2100 之间。";
        if (new[] { CallTitle, CallNumber, NoticeTitle, NoticeNumber, PostalAddress, Email }.Any(string.IsNullOrEmpty))
            return "请填写通知标题和文号、转发通知标题和文号、材料寄送地址和电子邮箱。";
        if (new[] { CallTitle, NoticeTitle, PostalAddress }.Any(t => t.Length > 200) || new[] { CallNumber, NoticeNumber }.Any(t => t.Length > 60))
            return "标题和地址不超过 200 字，文号不超过 60 字。";
        if (!ApplicationRules.IsEmail(Email)) return "电子邮箱地址不正确。";
        if (ApplicantDeadline is not { } a || DistrictDeadline is not { } d || ProvinceDeadline is not { } p) return "请填写三个截止日期。";
        // The province's date is the province's; the two the city sets must be working days.
        foreach (var (name, day) in new[] { ("申报截止日", a), ("区初审截止日", d) })
        {
            if (!days.IsWorkingDay(day)) return $"{name} {day:yyyy年M月d日} 不是工作日（按节假日表），下一个工作日是 {days.OnOrAfter(day):M月d日}。";
        }
        if (!(a <= d && d <= p)) return "截止日期应依次为：申报截止 ≤ 区初审截止 ≤ 报送省厅截止。";
        if (Quota is not (>= 1 and <= 20)) return "推荐名额应为 1 至 20 的整数（计划单列市一般为 2 项，省级为 5 项）。";
        if (Contacts.Count == 0 || Contacts.Any(c => c.Phone.Length == 0 || c.Name.Length > 30 || c.Phone.Length > 40))
            return "请填写联系人，每行一位：姓名 电话（如“王诚 020-83124567”）。";
        if (Fields.Count == 0 || Kinds.Count == 0 || Fields.Concat(Kinds).Any(x => x.Length > 30) || Fields.Count > 30 || Kinds.Count > 10)
            return "请填写征集领域和征集类型，每行一项，每项不超过 30 字（领域最后会自动加上“其他”）。";
        if (Criteria.Count is 0 or > 10 || Criteria.Any(c => c.Name.Length is 0 or > 30 || c.Weight is < 1 or > 100))
            return "请填写专家评议的评分项，每行一项：名称 权重（1 至 100 的整数，如“技术先进性 30”），最多 10 项。";
        return null;
    }
}

/// <summary>The office opens, edits and closes batches; a closed batch is read-only.</summary>
public sealed class BatchEditing(AppDbContext db, ReportingCalendar calendar, TimeProvider clock)
{
    public async Task<string?> SaveAsync(BatchInput input, bool creating, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Reviews()) return "征集批次由协调办管理。";
        if (input.Problem(calendar.Days) is { } problem) return problem;
        var batch = await db.FlagshipBatches.FirstOrDefaultAsync(b => b.Year == input.Year, ct);
        if (creating && batch is not null) return $"{input.Year} 年的征集批次已经存在，请在该批次页面修改。";
        if (!creating && batch is null) return $"没有 {input.Year} 年的征集批次。";
        if (batch?.IsClosed == true) return $"{input.Year} 年征集批次已关闭，不能修改。";
        if (batch is not null && input.Quota < await db.FlagshipApplications.CountAsync(x => x.BatchId == batch.Id && x.RecommendRank != null, ct))
            return "推荐名额不能少于已列入推荐的数量，请先在推荐页面减少推荐。";
        batch ??= db.FlagshipBatches.Add(new FlagshipBatch { Year = input.Year, CallTitle = "", CallNumber = "", NoticeTitle = "", NoticeNumber = "", PostalAddress = "", Email = "" }).Entity;
        batch.CallTitle = input.CallTitle;
        batch.CallNumber = input.CallNumber;
        batch.NoticeTitle = input.NoticeTitle;
        batch.NoticeNumber = input.NoticeNumber;
        batch.ApplicantDeadline = input.ApplicantDeadline!.Value;
        batch.DistrictDeadline = input.DistrictDeadline!.Value;
        batch.ProvinceDeadline = input.ProvinceDeadline!.Value;
        batch.Quota = input.Quota!.Value;
        batch.Contacts = [.. input.Contacts];
        batch.PostalAddress = input.PostalAddress;
        batch.Email = input.Email;
        batch.Fields = [.. input.Fields];
        batch.Kinds = [.. input.Kinds];
        batch.Criteria = [.. input.Criteria];
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> CloseAsync(int year, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Reviews()) return "征集批次由协调办管理。";
        if (await db.FlagshipBatches.FirstOrDefaultAsync(b => b.Year == year, ct) is not { } batch) return $"没有 {year} 年的征集批次。";
        if (batch.IsClosed) return null;
        batch.ClosedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The 2024 call's lists, which a new batch starts from (the latest batch's, once there is one).</summary>
    public static readonly IReadOnlyList<string> Fields2024 = ["食品及添加剂", "生物制药", "化妆品", "生物基化学品", "生物能源", "生物基材料", "酶制剂", "天然产物生物合成", "专用设备及材料"];
    public static readonly IReadOnlyList<string> Kinds2024 = ["重大创新型", "关键提升型", "规模替代型"];
}
