using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Plan;

namespace GzBioPlan.Domain.Supervision;

/// <summary>督办事项's states: 立项 → 签收 → 申请办结 → 销号 (or back to 签收 when the office sends it back).</summary>
public enum SupervisionStatus
{
    Opened = 0,
    Acknowledged = 1,
    CloseRequested = 2,
    Closed = 3,
}

public enum SupervisionAction
{
    Open = 0,
    Acknowledge = 1,
    Progress = 2,
    RequestClose = 3,
    Close = 4,
    SendBack = 5,
    Remind = 6,
    Escalate = 7,
}

/// <summary>督办级别: how hard the office presses.</summary>
public enum SupervisionLevel
{
    General = 0,
    Key = 1,
    Urgent = 2,
}

/// <summary>督办事项: a requirement addressed to a unit or district, with a due date, followed to 销号.</summary>
public class SupervisionItem
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string Requirement { get; set; }
    public PartyKind AddresseeKind { get; set; }
    public required string AddresseeCode { get; set; }
    public DateOnly DueDate { get; set; }
    public SupervisionStatus Status { get; set; }

    /// <summary>Where it was opened from (a laggard row's page), for the reader to go back to.</summary>
    public string? SourceLink { get; set; }

    public SupervisionLevel Level { get; set; }

    /// <summary>协办: units and districts that support the addressee, as <c>Unit:kjj</c> or <c>District:440112</c>; they read the item and add proofs.</summary>
    public List<string> CoHandlers { get; set; } = [];

    public required string OpenedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

/// <summary>One time-stamped step of an item (留痕); steps are only ever added.</summary>
public class SupervisionStep
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public SupervisionAction Action { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

public enum DueState
{
    OnTime,

    /// <summary>Within the reminder window: shown blue.</summary>
    NearDue,

    /// <summary>Past due and not closed: shown red.</summary>
    Overdue,
}

/// <summary>Who may take which step from which state, and how close to its due date an item is.</summary>
public static class SupervisionRule
{
    public const int TitleMax = 200;
    public const int TextMax = 2000;
    public const int NearDueDays = 3;

    /// <summary>Steps that say something: progress, the request to close, a send-back's reason and 销号's own comment.</summary>
    public static bool NeedsNote(SupervisionAction action) =>
        action is SupervisionAction.Progress or SupervisionAction.RequestClose or SupervisionAction.SendBack or SupervisionAction.Close;

    /// <summary>The state after <paramref name="action"/>, or null when the action is not allowed from <paramref name="status"/> for that party.</summary>
    public static SupervisionStatus? Next(SupervisionStatus status, SupervisionAction action, bool byOffice, bool byAddressee) => (status, action) switch
    {
        (SupervisionStatus.Opened, SupervisionAction.Acknowledge) when byAddressee => SupervisionStatus.Acknowledged,
        (SupervisionStatus.Acknowledged, SupervisionAction.Progress) when byAddressee => SupervisionStatus.Acknowledged,
        (SupervisionStatus.Acknowledged, SupervisionAction.RequestClose) when byAddressee => SupervisionStatus.CloseRequested,
        (SupervisionStatus.CloseRequested, SupervisionAction.Close) when byOffice => SupervisionStatus.Closed,
        (SupervisionStatus.CloseRequested, SupervisionAction.SendBack) when byOffice => SupervisionStatus.Acknowledged,
        _ => null,
    };

    public static DueState Due(DateOnly due, DateOnly today, SupervisionStatus status) =>
        status == SupervisionStatus.Closed ? DueState.OnTime
        : today > due ? DueState.Overdue
        : due.DayNumber - today.DayNumber <= NearDueDays ? DueState.NearDue
        : DueState.OnTime;

    public static string Label(this SupervisionStatus s) => s switch
    {
        SupervisionStatus.Opened => "已立项",
        SupervisionStatus.Acknowledged => "已签收",
        SupervisionStatus.CloseRequested => "申请办结",
        _ => "已销号",
    };

    public static string Label(this SupervisionLevel l) => l switch { SupervisionLevel.Urgent => "紧急", SupervisionLevel.Key => "重点", _ => "一般" };

    public static string Label(this SupervisionAction a) => a switch
    {
        SupervisionAction.Open => "立项",
        SupervisionAction.Acknowledge => "签收",
        SupervisionAction.Progress => "报告进展",
        SupervisionAction.RequestClose => "申请办结",
        SupervisionAction.Close => "销号",
        SupervisionAction.SendBack => "退回",
        SupervisionAction.Remind => "临近提醒",
        _ => "到期催办",
    };
}

internal sealed class SupervisionItemConfiguration : IEntityTypeConfiguration<SupervisionItem>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> e)
    {
        e.Property(x => x.Title).HasMaxLength(SupervisionRule.TitleMax);
        e.Property(x => x.Requirement).HasMaxLength(SupervisionRule.TextMax);
        e.Property(x => x.AddresseeCode).HasMaxLength(32);
        e.Property(x => x.SourceLink).HasMaxLength(300);
        e.Property(x => x.OpenedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Status, x.AddresseeCode });
    }
}

internal sealed class SupervisionStepConfiguration : IEntityTypeConfiguration<SupervisionStep>
{
    public void Configure(EntityTypeBuilder<SupervisionStep> e)
    {
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(SupervisionRule.TextMax);
        e.HasIndex(x => x.ItemId);
    }
}
