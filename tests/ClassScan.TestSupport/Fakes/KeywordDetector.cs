using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.TestSupport.Fakes;

/// <summary>Reports a personnummer finding for every occurrence of the word PNR (stands in for the real detector).</summary>
public sealed class KeywordDetector : IDetector
{
    public string Id => "test.keyword";

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var t = text.Segments[i].Text;
            for (var at = t.IndexOf("PNR", StringComparison.Ordinal); at >= 0; at = t.IndexOf("PNR", at + 3, StringComparison.Ordinal))
                findings.Add(new Finding(Id, FindingKinds.Personnummer, Confidence.Medium, i, at, 3, "19121212-****"));
        }
    }
}
