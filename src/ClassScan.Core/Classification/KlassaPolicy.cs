using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Core.Classification;

/// <summary>
/// The rule book (shared/docs/classification-policy.md) as far as identity numbers decide it:
/// a valid personnummer, samordningsnummer or interim number of a person gives at least 2 (rule 3);
/// without evidence a document is 1, internal, until a classifier can tell public from internal (rule 5).
/// </summary>
public sealed class KlassaPolicy : IClassificationPolicy
{
    public ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        int pnr = 0, coord = 0, interim = 0;
        foreach (var f in findings)
        {
            switch (f.Kind)
            {
                case FindingKinds.Personnummer: pnr++; break;
                case FindingKinds.Samordningsnummer: coord++; break;
                case FindingKinds.Interimsnummer: interim++; break;
            }
        }
        if (pnr + coord + interim > 0)
        {
            var what = (pnr, coord, interim) switch
            {
                (> 0, 0, 0) => "Personnummer",
                (0, > 0, 0) => "Samordningsnummer",
                (0, 0, > 0) => "Interimsnummer",
                _ => "Person- eller samordningsnummer",
            };
            return new(KlassaLevel.Konfidentiell, $"{what} som identifierar en person (regel 3)", "R3-identitet");
        }
        return new(KlassaLevel.Intern, "Inga känsliga uppgifter hittades (regel 5: intern som standard)", "R5-standard");
    }
}
