using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Domain.Rules;

public class AggregationAndCodeTests
{
    [Fact]
    public void Sum_of_nothing_is_missing_not_zero()
    {
        Assert.Null(AggregationRule.Sum([]));
        Assert.Equal(7.5m, AggregationRule.Sum([2.5m, 5m]));
    }

    [Fact]
    public void A_firm_named_by_two_districts_counts_once()
    {
        Assert.Equal(2m, AggregationRule.DistinctCount(["91440112MA59ABCD1X", " 91440112ma59abcd1x", "91440115MA59XYZ00A"], true));
        Assert.Equal(0m, AggregationRule.DistinctCount([], anyReported: true));
        Assert.Null(AggregationRule.DistinctCount([], anyReported: false));
    }

    [Theory]
    [InlineData("91350100M000100Y43", true)]  // published example of a valid code
    [InlineData("91350100M000100Y44", false)] // wrong check character
    [InlineData("91350100M000100Y4", false)]  // 17 characters
    [InlineData("9135010OM000100Y43", false)] // letter O is not in the alphabet
    [InlineData("", false)]
    public void Uscc_check_character_per_GB_32100(string code, bool valid) => Assert.Equal(valid, Uscc.IsValid(code));

    [Fact]
    public void Ranks_tie_and_skip()
    {
        var ranks = DistrictLeagueQuery.Ranks([("a", 10m), ("b", 30m), ("c", 10m), ("d", 5m)]);
        Assert.Equal(1, ranks["b"]);
        Assert.Equal(2, ranks["a"]);
        Assert.Equal(2, ranks["c"]);
        Assert.Equal(4, ranks["d"]);
    }

    [Fact]
    public void Work_item_progress_counts_lead_units_only()
    {
        IReadOnlyList<PartView> parts =
        [
            new(1, "人才", [new("kjj", "市科技局")], [new("zzb", "市委组织部")]),
            new(2, "专家委员会", [new("gxj", "市工业和信息化局")], []),
        ];
        Assert.Equal(50m, PlanProgressQuery.LeadProgress(parts, [("kjj", 1, 40m), ("gxj", 2, 60m), ("zzb", 1, 100m)]));
        Assert.Null(PlanProgressQuery.LeadProgress(parts, [("zzb", 1, 100m)]));
        Assert.Equal(40m, PlanProgressQuery.LeadProgress(parts, [("kjj", 1, 40m), ("kjj", 2, 90m)])); // 市科技局 does not lead part 2
    }
}
