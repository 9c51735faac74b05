using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Domain.Rules;

public class SentenceTests
{
    [Theory]
    [InlineData("数据有误", "数据有误。")]
    [InlineData("数据有误。", "数据有误。")] // never 「。。」
    [InlineData("请核对！", "请核对！")]
    [InlineData("见附件；", "见附件；")]
    [InlineData("  数据有误。  ", "数据有误。")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_quoted_reason_ends_with_one_full_stop(string? reason, string expected) => Assert.Equal(expected, Sentence.End(reason));
}
