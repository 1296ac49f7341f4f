using ClassScan.Core.Findings;

namespace ClassScan.Policy.Tests;

/// <summary>The one definition of "an identifiable individual" (rules 2 and 3).</summary>
public sealed class IdentifiedIndividualTests
{
    private static Finding F(string kind, string? detail = null, Confidence c = Confidence.Medium) =>
        new("d", kind, c, 0, 0, 1, "****", detail);

    public static TheoryData<Finding, bool> Cases() => new()
    {
        { F(FindingKinds.Personnummer), true },
        { F(FindingKinds.Samordningsnummer), true },
        { F(FindingKinds.Interimsnummer), true },
        { F(FindingKinds.Individ, IndividualDetails.Namn), true },
        { F(FindingKinds.Individ, IndividualDetails.Namn, Confidence.High), true },
        { F(FindingKinds.Individ, IndividualDetails.Namn, Confidence.Low), false },
        { F(FindingKinds.Individ, IndividualDetails.Roll, Confidence.High), false },
        { F(FindingKinds.Individ, IndividualDetails.Adress, Confidence.High), false },
        { F(FindingKinds.Individ, IndividualDetails.Arende), false },
        { F(FindingKinds.Halsa, HealthCategories.Diagnos, Confidence.High), false },
        { F(FindingKinds.OslMarkering, "26:1", Confidence.High), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_Finding_FollowsTheRuleBook(Finding finding, bool expected)
    {
        Assert.Equal(expected, IdentifiedIndividual.Is(finding));
        Assert.Equal(expected, IdentifiedIndividual.Any([finding]));
    }

    [Fact]
    public void Any_NoFindings_IsFalse()
    {
        Assert.False(IdentifiedIndividual.Any([]));
    }
}
