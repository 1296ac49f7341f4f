using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Detection.Procurement;

/// <summary>
/// Bid prices and evaluation scores per named bidder before the award decision (OSL 19 kap. 3 §, 31 kap. 16 §;
/// classification-policy.md, Hard cases: "2 even without a marking; the published award notice afterwards is 0").
/// Kind <see cref="FindingKinds.KonfidentiellUppgift"/>, Detail <see cref="ConfidentialDetails.Anbud"/>.
/// <para>
/// Evidence is a table (tab- or bar-separated rows, as spreadsheets and Word tables are extracted) whose header
/// names the bidder (anbudsgivare, anbudslämnare; leverantör only beside a score or rank) and a price or score column, followed by at least two
/// rows that name a company (AB, HB, Oy, AS …) and hold numbers. The document decides the confidence:
/// words of the time before award anywhere in it ("anbudsöppning", "förslag till tilldelning", "preliminär",
/// "tilldelningsbeslut planeras", "inför tilldelning") give High; none either way gives Medium; an award
/// already made ("har beslutat att anta anbudet", "underrättelse om tilldelningsbeslut", "har tilldelats")
/// without such words gives nothing: the award notice and the public tender documents (which have no bidder
/// rows) are level 0.
/// </para>
/// A page without cells (PDF) counts only with words of the time before award: its rows are guessed from
/// company names and numbers on one line. At most one finding per document. Singleton, thread-safe, never throws.
/// </summary>
internal sealed partial class TenderEvaluationDetector : IDetector
{
    public const string DetectorId = "se.anbud";

    /// <summary>Bidder rows a table needs: one row is a single supplier's quote, not a comparison.</summary>
    private const int MinBidderRows = 2;

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        if (text is null || findings is null) return;
        try
        {
            for (var i = 0; i < text.Segments.Count; i++)
            {
                var t = text.Segments[i]?.Text;
                if (t is null || t.Length < 40) continue;
                var cells = t.Contains('\t') || t.Contains('|');
                var table = cells ? BidderTable(t) : null;
                var lines = table is null ? BidderLines(t) : null;
                if (table is null && lines is null) continue;

                var (before, after) = Timing(text);
                if (after && !before) return;
                // Without cells (a PDF page) the rows are only guessed from company names and numbers: the
                // document must also say that the award is still to come.
                if (table is null && !before) continue;
                var (start, length) = table ?? lines!.Value;
                findings.Add(new Finding(DetectorId, FindingKinds.KonfidentiellUppgift, before ? Confidence.High : Confidence.Medium,
                    i, start, length, "anbud: pris/poäng per anbudsgivare", ConfidentialDetails.Anbud));
                return;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: no finding rather than a stalled scan.
        }
    }

    // Whether the document speaks of the time before the award, or of an award already made.
    private static (bool Before, bool After) Timing(ExtractedText text)
    {
        bool before = false, after = false;
        foreach (var segment in text.Segments)
        {
            var t = segment?.Text;
            if (string.IsNullOrEmpty(t)) continue;
            before |= BeforeAward().IsMatch(t);
            after |= AfterAward().IsMatch(t);
            if (before) break;
        }
        return (before, after);
    }

    private static (int Start, int Length)? BidderTable(string t)
    {
        var lines = t.Split('\n');
        var offset = 0;
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var sep = line.Contains('\t') ? '\t' : line.Contains('|') ? '|' : '\0';
            if (sep != '\0' && IsComparisonHeader(line))
            {
                var rows = 0;
                for (var k = l + 1; k < lines.Length; k++)
                {
                    var row = lines[k];
                    if (!row.Contains(sep)) break;
                    if (Company().IsMatch(row) && Number().Count(row) >= 1) rows++;
                }
                if (rows >= MinBidderRows) return (offset, line.Length);
            }
            offset += line.Length + 1;
        }
        return null;
    }

    // A PDF page: a bidder header word and two lines that hold a company and numbers ("Nordvakt AB 559201-7736
    // 3 484 900 52,1 1"), or an organisation number and numbers on the line after a wrapped company name.
    private static (int Start, int Length)? BidderLines(string t)
    {
        var header = BidderHeader().Match(t);
        if (!header.Success || !PriceHeader().IsMatch(t)) return null;
        var rows = 0;
        foreach (var line in t.Split('\n'))
        {
            var numbers = Number().Count(line);
            if ((Company().IsMatch(line) && numbers >= 2) || (WrappedRow().IsMatch(line) && numbers >= 3)) rows++;
        }
        return rows >= MinBidderRows ? (header.Index, header.Length) : null;
    }

    [GeneratedRegex(@"^\s*\d{6}-\d{4}\s+\d", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex WrappedRow();

    // "Anbudsgivare" with a price or score column; "Leverantör" only with a score or rank column, since a
    // ledger of supplier invoices also has a supplier and an amount per row.
    private static bool IsComparisonHeader(string line) =>
        (BidderHeader().IsMatch(line) && PriceHeader().IsMatch(line))
        || (SupplierHeader().IsMatch(line) && ScoreHeader().IsMatch(line));

    [GeneratedRegex(@"\b(?:leverantör|leverantörer|supplier)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex SupplierHeader();

    [GeneratedRegex(@"(?:poäng|rang|placering|utvärdering|viktad|score|points|ranking)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex ScoreHeader();

    [GeneratedRegex(@"\b(?:anbudsgivare|anbudsgivarens|anbudslämnare|bidder|tenderer)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex BidderHeader();

    [GeneratedRegex(@"(?:pris|poäng|kostnad|summa|belopp|rang|placering|totalt|utvärdering|kvalitet|score|price|points|ranking)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex PriceHeader();

    [GeneratedRegex(@"\b(?:AB|HB|KB|Oy|Oyj|AS|ASA|A/S|ApS|Ltd|Inc|GmbH|BV|AG|Aktiebolag|ek\.\s?för\.|Ekonomisk förening)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Company();

    [GeneratedRegex(@"(?<![\p{L}\d])\d+(?:[.,]\d+)?(?![\p{L}\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex Number();

    [GeneratedRegex(@"(?:anbudsöppning|öppningsprotokoll|förslag till tilldelning|förslag till tilldelningsbeslut|preliminär\w*|inför tilldelning\w*|innan tilldelning|före tilldelning\w*|tilldelningsbeslut\s+(?:planeras|har inte|är inte|fattas)|utvärderingsgrupp\w*|skickas inte till anbudsgivarna|arbetsmaterial|utkast)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex BeforeAward();

    [GeneratedRegex(@"(?:har\s+beslutat\s+att\s+(?:anta|tilldela)|beslutat\s+att\s+anta|underrättelse\s+om\s+(?:tilldelnings)?beslut|har\s+tilldelats|har\s+antagits|avtal\s+har\s+tecknats|awarded\s+to|has\s+been\s+awarded)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexBudget.Milliseconds)]
    private static partial Regex AfterAward();
}
