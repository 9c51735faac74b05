using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GzBioPlan.Domain.Flagship;

/// <summary>A criterion of 专家评议 and its weight (the weights of a batch need not add to 100: they are normalised).</summary>
public sealed record Criterion(string Name, int Weight);

/// <summary>What followed a recommendation, as the ministry's process runs (三、工作程序).</summary>
public enum OutcomeStep
{
    /// <summary>省推荐: the province put it on its list to the ministry.</summary>
    ProvinceRecommended = 0,

    /// <summary>入选名单: on the ministry's list, with the name as the experts fixed it.</summary>
    Selected = 1,

    /// <summary>公示: published for objections for 10 working days.</summary>
    Publicity = 2,

    /// <summary>有异议: an objection was raised during 公示.</summary>
    Objection = 3,

    /// <summary>正式发布: on the published list.</summary>
    Published = 4,

    /// <summary>未入选: not chosen (by the province or the ministry).</summary>
    NotSelected = 5,
}

/// <summary>One recorded step of an application's outcome.</summary>
public sealed record OutcomeRecord(OutcomeStep Step, DateOnly On, string? Note, string? FixedName, DateOnly? Until);

public static class OutcomeSteps
{
    public static string Label(this OutcomeStep s) => s switch
    {
        OutcomeStep.ProvinceRecommended => "省推荐",
        OutcomeStep.Selected => "入选名单",
        OutcomeStep.Publicity => "公示",
        OutcomeStep.Objection => "有异议",
        OutcomeStep.Published => "正式发布",
        _ => "未入选",
    };

    /// <summary>公示 lasts 10 working days from its first working day (the holiday table decides which days count).</summary>
    public const int PublicityWorkingDays = 10;

    public static DateOnly PublicityEnd(Periods.WorkingDays days, DateOnly start) => days.After(days.OnOrAfter(start), PublicityWorkingDays - 1);
}

/// <summary>One expert's scores (0–100) per criterion of the batch, for one application.</summary>
public class ExpertScore
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public required string Expert { get; set; }
    public Dictionary<string, decimal> Scores { get; set; } = [];
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A contact of a batch's notice: who answers questions and at which number.</summary>
public sealed record BatchContact(string Name, string Phone);

/// <summary>
/// 征集批次: one year's call for 生物制造标志性产品 as the office runs it — the national call and the province's
/// forwarding notice, the three deadlines, the city's quota, where the paper and electronic copies go, and the
/// lists of 征集领域 and 征集类型 the forms offer. A closed batch is read-only.
/// </summary>
public class FlagshipBatch
{
    public long Id { get; set; }
    public int Year { get; set; }

    /// <summary>The national call, e.g. 《工业和信息化部办公厅关于开展2024年生物制造标志性产品征集工作的通知》, and its 文号.</summary>
    public required string CallTitle { get; set; }
    public required string CallNumber { get; set; }

    /// <summary>The province's forwarding notice and its 文号 (or date line, when it has none).</summary>
    public required string NoticeTitle { get; set; }
    public required string NoticeNumber { get; set; }

    /// <summary>截止日: to the province (the city's recommendation), for applicants (申报截止), for the districts' 初审.</summary>
    public DateOnly ProvinceDeadline { get; set; }
    public DateOnly ApplicantDeadline { get; set; }
    public DateOnly DistrictDeadline { get; set; }

    /// <summary>How many products the city may recommend (推荐名额).</summary>
    public int Quota { get; set; }

    public List<BatchContact> Contacts { get; set; } = [];
    public required string PostalAddress { get; set; }
    public required string Email { get; set; }
    public List<string> Fields { get; set; } = [];
    public List<string> Kinds { get; set; } = [];

    /// <summary>专家评议's criteria and weights for this batch.</summary>
    public List<Criterion> Criteria { get; set; } = [];

    public DateTimeOffset? ClosedAt { get; set; }
    public bool IsDemo { get; set; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>The form's title carries the batch's year.</summary>
    public string FormTitle => $"{Year}年生物制造标志性产品申请表";
    public string SummaryTitle => $"{Year}年生物制造标志性产品推荐汇总表";
}

/// <summary>What an organisation's own registration stands at; one a district office creates is approved at once.</summary>
public enum ApplicantStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

/// <summary>
/// 申报单位: an organisation that applies (a firm, university, research institute or equipment maker), with its
/// 统一社会信用代码 and district. Its accounts see only its own applications.
/// </summary>
public class Applicant
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Uscc { get; set; }
    public required string DistrictCode { get; set; }
    public ApplicantStatus Status { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDemo { get; set; }

    /// <summary>Who registered it from the notice page (姓名、手机、电子邮箱), for the district's check and the answer; empty for one a district created.</summary>
    public string? ContactName { get; set; }
    public string? ContactMobile { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>Who approved or refused a registration, when, and why it was refused.</summary>
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? RefusalReason { get; set; }
}

/// <summary>Where an application stands.</summary>
public enum ApplicationState
{
    /// <summary>草稿: the applicant is filling it in.</summary>
    Draft = 0,

    /// <summary>待区初审: submitted, with the district office.</summary>
    Submitted = 1,

    /// <summary>已退回: returned by the district or the office, with reasons; the applicant edits and resubmits.</summary>
    Returned = 2,

    /// <summary>待市核实: the district passed it; with the office.</summary>
    DistrictPassed = 3,

    /// <summary>已核实: the office verified it; it may be recommended within the quota.</summary>
    Verified = 4,
}

public static class ApplicationStates
{
    public static string Label(this ApplicationState s) => s switch
    {
        ApplicationState.Draft => "草稿",
        ApplicationState.Submitted => "待区初审",
        ApplicationState.Returned => "已退回",
        ApplicationState.DistrictPassed => "待市核实",
        _ => "已核实",
    };

    /// <summary>The applicant may change the form only while it is with them.</summary>
    public static bool ApplicantEdits(this ApplicationState s) => s is ApplicationState.Draft or ApplicationState.Returned;
}

/// <summary>
/// 申请: one product of one applicant in one batch. The form's fields are kept as typed (<see cref="ApplicationForm"/>);
/// the product's name, 领域 and 类型 are copied out for lists and filters. <see cref="Revision"/> guards the draft: a save
/// made from an older copy is refused rather than overwriting a colleague's.
/// </summary>
public class FlagshipApplication
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public long ApplicantId { get; set; }
    public required string DistrictCode { get; set; }
    public ApplicationState State { get; set; }
    public ApplicationForm Form { get; set; } = new();

    /// <summary>Moves on every save; the form carries the revision it was opened at.</summary>
    public int Revision { get; set; }

    /// <summary>第 N 版: how many times it was submitted. Prints, the .docx and the stamped scan name it.</summary>
    public int Version { get; set; }

    public string ProductName { get; set; } = "";
    public string Field { get; set; } = "";
    public string Kind { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>三、申请单位声明: who confirmed it and when (at submission).</summary>
    public string? DeclaredBy { get; set; }
    public DateTimeOffset? DeclaredAt { get; set; }

    /// <summary>四、工业和信息化主管部门意见: the district's (区初审) and the city's (市核实).</summary>
    public string? DistrictOpinion { get; set; }
    public DateOnly? DistrictOpinionOn { get; set; }
    public string? CityOpinion { get; set; }
    public DateOnly? CityOpinionOn { get; set; }

    /// <summary>The last return's reasons, per field key of <see cref="FormFields"/> (or 其他 for the whole).</summary>
    public Dictionary<string, string> ReturnReasons { get; set; } = [];

    /// <summary>市核实's checklist: the items the office confirmed (keys of <see cref="VerificationChecklist"/>).</summary>
    public List<string> Checked { get; set; } = [];

    /// <summary>推荐: the place in the city's list (1 = first), the reason and the contact 附件2 names.</summary>
    public int? RecommendRank { get; set; }
    public string? RecommendReason { get; set; }
    public string? RecommendContact { get; set; }
    public string? RecommendPhone { get; set; }

    /// <summary>What followed the recommendation, in the order recorded.</summary>
    public List<OutcomeRecord> Outcomes { get; set; } = [];

    public bool IsDemo { get; set; }

    /// <summary>A stamped scan counts for the next 提交 when it was made for that version and after the last save.</summary>
    public bool StampedScanCounts(int? scanVersion, DateTimeOffset uploadedAt) => scanVersion == Version + 1 && uploadedAt >= UpdatedAt;

    /// <summary>The latest outcome, or null while nothing followed yet.</summary>
    public OutcomeStep? LatestOutcome => Outcomes.Count == 0 ? null : Outcomes[^1].Step;
}

/// <summary>A step in an application's history (留痕): who did what, when, and what they wrote.</summary>
public class ApplicationEvent
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public required string Action { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> p) where T : class, new() =>
        p.HasConversion(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options) ?? new T(),
            new ValueComparer<T>((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(), v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}

internal sealed class FlagshipBatchConfiguration : IEntityTypeConfiguration<FlagshipBatch>
{
    public void Configure(EntityTypeBuilder<FlagshipBatch> e)
    {
        e.HasIndex(x => x.Year).IsUnique();
        e.Property(x => x.CallTitle).HasMaxLength(200);
        e.Property(x => x.CallNumber).HasMaxLength(60);
        e.Property(x => x.NoticeTitle).HasMaxLength(200);
        e.Property(x => x.NoticeNumber).HasMaxLength(60);
        e.Property(x => x.PostalAddress).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(100);
        e.Property(x => x.Contacts).AsJson();
        e.Property(x => x.Fields).AsJson();
        e.Property(x => x.Kinds).AsJson();
        e.Property(x => x.Criteria).AsJson();
        e.Ignore(x => x.IsClosed);
    }
}

internal sealed class ApplicantConfiguration : IEntityTypeConfiguration<Applicant>
{
    public void Configure(EntityTypeBuilder<Applicant> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Uscc).HasMaxLength(18);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.ContactName).HasMaxLength(20);
        e.Property(x => x.ContactMobile).HasMaxLength(11);
        e.Property(x => x.ContactEmail).HasMaxLength(100);
        e.Property(x => x.ReviewedBy).HasMaxLength(256);
        e.Property(x => x.RefusalReason).HasMaxLength(300);
        e.HasIndex(x => x.Uscc).IsUnique();
    }
}

internal sealed class FlagshipApplicationConfiguration : IEntityTypeConfiguration<FlagshipApplication>
{
    public void Configure(EntityTypeBuilder<FlagshipApplication> e)
    {
        e.HasOne<FlagshipBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Applicant>().WithMany().HasForeignKey(x => x.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Form).AsJson();
        e.Property(x => x.ReturnReasons).AsJson();
        e.Property(x => x.Checked).AsJson();
        e.Property(x => x.Outcomes).AsJson();
        e.Ignore(x => x.LatestOutcome);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.Property(x => x.ProductName).HasMaxLength(200);
        e.Property(x => x.Field).HasMaxLength(60);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.Property(x => x.DeclaredBy).HasMaxLength(100);
        e.Property(x => x.DistrictOpinion).HasMaxLength(1000);
        e.Property(x => x.CityOpinion).HasMaxLength(1000);
        e.Property(x => x.RecommendReason).HasMaxLength(1000);
        e.Property(x => x.RecommendContact).HasMaxLength(100);
        e.Property(x => x.RecommendPhone).HasMaxLength(20);
        e.HasIndex(x => new { x.BatchId, x.DistrictCode });
        e.HasIndex(x => x.ApplicantId);
    }
}

internal sealed class ExpertScoreConfiguration : IEntityTypeConfiguration<ExpertScore>
{
    public void Configure(EntityTypeBuilder<ExpertScore> e)
    {
        e.HasOne<FlagshipApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Expert).HasMaxLength(50);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.Scores).AsJson();
        e.HasIndex(x => x.ApplicationId);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> e)
    {
        e.HasOne<FlagshipApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.HasIndex(x => x.ApplicationId);
    }
}
