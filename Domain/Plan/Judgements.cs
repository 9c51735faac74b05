using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Plan;

/// <summary>研判: the coordination office's call on how likely a target is to be delivered (deliverology's four grades).</summary>
public enum Judgement
{
    Green = 0,
    AmberGreen = 1,
    AmberRed = 2,
    Red = 3,
}

/// <summary>A quarter's judgement of one target, with its rationale and agreed actions. Never deleted: a later one supersedes it.</summary>
public class TargetJudgement
{
    public long Id { get; set; }
    public required string TargetCode { get; set; }
    public Period Period { get; set; }
    public Judgement Rating { get; set; }
    public required string Rationale { get; set; }
    public required string AgreedActions { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum Trend
{
    Improving,
    Steady,
    Worsening,
}

public static class Judgements
{
    public const int MaxTextLength = 2000;

    public static string Label(this Judgement j) => j switch
    {
        Judgement.Green => "绿",
        Judgement.AmberGreen => "黄绿",
        Judgement.AmberRed => "黄红",
        _ => "红",
    };

    /// <summary>Compared with the previous judgement; null when there is none to compare with.</summary>
    public static Trend? TrendFrom(Judgement? previous, Judgement current) => previous switch
    {
        null => null,
        var p when p > current => Trend.Improving,
        var p when p < current => Trend.Worsening,
        _ => Trend.Steady,
    };

    public static string Label(this Trend t) => t switch
    {
        Trend.Improving => "好转",
        Trend.Worsening => "变差",
        _ => "持平",
    };
}

internal sealed class TargetJudgementConfiguration : IEntityTypeConfiguration<TargetJudgement>
{
    public void Configure(EntityTypeBuilder<TargetJudgement> e)
    {
        e.Property(x => x.TargetCode).HasMaxLength(32);
        e.Property(x => x.Rationale).HasMaxLength(Judgements.MaxTextLength);
        e.Property(x => x.AgreedActions).HasMaxLength(Judgements.MaxTextLength);
        e.Property(x => x.By).HasMaxLength(256);
        e.HasIndex(x => new { x.TargetCode, x.Period });
    }
}
