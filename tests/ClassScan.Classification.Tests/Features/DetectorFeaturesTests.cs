using ClassScan.Classification.Features;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Tests.Features;

public sealed class DetectorFeaturesTests
{
    private static Finding F(string kind, int segment = 0, string? detail = null, Confidence confidence = Confidence.Medium) =>
        new("se.test", kind, confidence, segment, 0, 1, "***", detail);

    [Theory]
    [InlineData(FindingKinds.Personnummer, (int)FindingCategory.IdentityNumber)]
    [InlineData(FindingKinds.Samordningsnummer, (int)FindingCategory.IdentityNumber)]
    [InlineData(FindingKinds.Interimsnummer, (int)FindingCategory.InterimNumber)]
    [InlineData(FindingKinds.Halsa, (int)FindingCategory.Health)]
    [InlineData(FindingKinds.KansligKategori, (int)FindingCategory.SensitiveCategory)]
    [InlineData(FindingKinds.OslMarkering, (int)FindingCategory.OslMarking)]
    [InlineData(FindingKinds.OslOmnamnande, (int)FindingCategory.OslMention)]
    [InlineData(FindingKinds.Individ, (int)FindingCategory.Individual)]
    [InlineData("ny-detektor", (int)FindingCategory.Other)]
    public void Categorize_Kind_MapsToCategory(string kind, int expected)
    {
        Assert.Equal((FindingCategory)expected, DetectorFeatures.Categorize(F(kind)));
    }


    [Fact]
    public void Compute_NoFindings_IsAllZero()
    {
        var v = DetectorFeatures.Compute([]);

        Assert.Equal(DetectorFeatures.Count, v.Length);
        Assert.Equal(DetectorFeatures.Count, DetectorFeatures.Names.Length);
        Assert.All(v, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Compute_IdentityIndividualAndHealthInSameSegment_SetsProximityAndCapsCounts()
    {
        var findings = new List<Finding> { F(FindingKinds.Halsa, segment: 2, confidence: Confidence.High), F(FindingKinds.Individ, segment: 2) };
        for (var i = 0; i < 500; i++) findings.Add(F(FindingKinds.Personnummer, segment: 2));

        var v = DetectorFeatures.Compute(findings);

        Assert.Equal(1f, v[0]); // 500 numbers: log-scaled and capped at 1
        Assert.InRange(v[2], 0.1f, 0.2f); // one health term: ln 2 / ln 101
        Assert.Equal(1f, v[11]);
        Assert.Equal(1f, v[12]);
        Assert.Equal(1f, v[13]);
        Assert.Equal(1f, v[15]);
    }

    [Fact]
    public void Compute_LowHealthAndOslMention_CountedApartFromEvidence()
    {
        var v = DetectorFeatures.Compute([F(FindingKinds.Halsa, confidence: Confidence.Low), F(FindingKinds.OslOmnamnande, detail: "26:1", confidence: Confidence.Low)]);

        Assert.Equal(0f, v[2]);
        Assert.True(v[3] > 0);
        Assert.Equal(0f, v[5]);
        Assert.True(v[6] > 0);
        Assert.Equal(0f, v[14]);
    }

    [Fact]
    public void Compute_IdentityAndHealthInDifferentSegments_NoProximity()
    {
        var v = DetectorFeatures.Compute([F(FindingKinds.Halsa, segment: 0), F(FindingKinds.Personnummer, segment: 1), F(FindingKinds.OslMarkering, detail: "26:1")]);

        Assert.Equal(0f, v[12]);
        Assert.Equal(1f, v[8]);
        Assert.Equal(1f, v[10]);
        Assert.Equal(1f, v[14]);
    }
}
