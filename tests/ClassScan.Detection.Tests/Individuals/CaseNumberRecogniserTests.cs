using ClassScan.Core.Findings;
using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class CaseNumberRecogniserTests
{
    private static List<Finding> Find(string text)
    {
        var findings = new List<Finding>();
        CaseNumberRecogniser.Find(RecogniserFixture.Lexicon, 0, text, findings);
        return findings;
    }

    [Theory]
    [InlineData("Dnr SN 2025/0077", Confidence.Medium, "SN 2025/****")]
    [InlineData("Dnr ON-2025-06329", Confidence.Medium, "ON 2025/****")]
    [InlineData("Diarienummer KS 2024/0123", Confidence.Low, "KS 2024/****")]
    public void Find_CaseNumber_MaskedWithConfidence(string text, Confidence confidence, string sample)
    {
        var finding = Assert.Single(Find(text));

        Assert.Equal(confidence, finding.Confidence);
        Assert.Equal(sample, finding.MaskedSample);
        Assert.Equal(IndividualDetails.Arende, finding.Detail);
    }

    [Theory]
    [InlineData("Telefon 0270-36 25 42")]
    [InlineData("Personnummer 19121212-1212")]
    [InlineData("Sidan 2025/26 i planen")]
    [InlineData("KS2024")]
    public void Find_NoCaseNumber_Nothing(string text)
    {
        Assert.Empty(Find(text));
    }
}
