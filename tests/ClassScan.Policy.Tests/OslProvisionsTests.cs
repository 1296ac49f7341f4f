using ClassScan.Policy;

namespace ClassScan.Policy.Tests;

/// <summary>The provision → level table (classification-policy.md rule 1; domain-notes.md, "OSL sections").</summary>
public sealed class OslProvisionsTests
{
    [Theory]
    [InlineData("26:1", 3)]
    [InlineData("26", 3)]
    [InlineData("25:1", 3)]
    [InlineData("21:1", 3)]
    [InlineData("21:3", 3)]
    [InlineData("21:3a", 3)]
    [InlineData("22:1", 3)]
    [InlineData("23:2", 3)]
    [InlineData("23:1", 2)]
    [InlineData("21:5", 2)]
    [InlineData("21", 2)]
    [InlineData("19:3", 2)]
    [InlineData("31:16", 2)]
    [InlineData("18:8", 2)]
    [InlineData("39:3", 2)]
    [InlineData("hemlig", 3)]
    [InlineData("skyddade-personuppgifter", 3)]
    [InlineData("sekretessmarkering", 3)]
    [InlineData("socialtjanst", 3)]
    [InlineData("halso-och-sjukvard", 3)]
    [InlineData("elevhalsa", 3)]
    [InlineData("strikt-konfidentiell", 3)]
    [InlineData("sekretess", 2)]
    [InlineData("personal", 2)]
    [InlineData("konfidentiell", 2)]
    [InlineData("", 2)]
    [InlineData(null, 2)]
    [InlineData("nonsens", 2)]
    [InlineData("99999999999:1", 2)]
    public void ImpliedLevelOf_Detail_MapsToPolicyLevel(string? detail, int level)
    {
        Assert.Equal(level, OslProvisions.ImpliedLevelOf(detail));
    }

    [Theory]
    [InlineData("26:1", true)]
    [InlineData("25", true)]
    [InlineData("21:3", true)]
    [InlineData("21:3a", true)]
    [InlineData("23:2", true)]
    [InlineData("skyddade-personuppgifter", true)]
    [InlineData("hemlig", true)]
    [InlineData("21:7", false)]
    [InlineData("19:3", false)]
    [InlineData("sekretess", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void ImpliesLevel3_MarkingDetail_FollowsPolicy(string? detail, bool expected)
    {
        Assert.Equal(expected, OslProvisions.ImpliesLevel3(detail));
    }

    [Theory]
    [InlineData("26:1", "26 kap. 1 § OSL")]
    [InlineData("19", "19 kap. OSL")]
    [InlineData("21:3a", "21 kap. 3a § OSL")]
    [InlineData("skyddade-personuppgifter", "skyddade personuppgifter")]
    [InlineData("personal", "personalsekretess")]
    [InlineData(null, "sekretess")]
    public void Citation_Detail_ReadsAsReviewerWords(string? detail, string expected)
    {
        Assert.Equal(expected, OslProvisions.Citation(detail));
    }
}
