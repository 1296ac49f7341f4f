using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// Byte-level checks for inputs that crash PdfPig 0.1.16 in ways no catch can handle (StackOverflow kills the
/// process), run before PdfPig sees the file. Each rejected file is reported as corrupt:
/// a cross-reference stream whose /W widths overflow (pdf.js REDHAT-1531897-0.pdf: PdfPig stackallocs a
/// negative size), and a stream whose /Length refers to another stream object (poppler-91414: the two
/// lengths resolve each other forever). Also lists the uncompressed form XObjects for <see cref="PdfFormGraph"/>
/// (streams are never inside object streams, so every form is visible here).
/// </summary>
internal static partial class PdfPreflight
{
    private const int MaxFieldWidth = 32; // real files use 1-8 bytes per field
    private const int MaxDictionaryBytes = 8192;

    public static IReadOnlyList<(long Number, int Generation)> Check(ReadOnlySpan<byte> pdf, CancellationToken ct)
    {
        var streams = new HashSet<long>();
        var lengthRefs = new List<long>();
        var forms = new List<(long, int)>();
        int from = 0;
        int seen = 0;
        // Next match of each separator form ("1 0 obj" and "1 0\nobj"), searched again only once passed:
        // rescanning both from every hit would be quadratic in the file size.
        int nextSpace = -1, nextNewline = -1;
        while (true)
        {
            if (nextSpace != int.MaxValue && nextSpace < from) nextSpace = Next(pdf, from, " obj"u8);
            if (nextNewline != int.MaxValue && nextNewline < from) nextNewline = Next(pdf, from, "\nobj"u8);
            int at = Math.Min(nextSpace, nextNewline);
            if (at == int.MaxValue) break;
            from = at + 4;
            if ((++seen & 4095) == 0) ct.ThrowIfCancellationRequested();
            if (!TryReadHeader(pdf, at, out long number, out int generation)) continue;

            // The object's dictionary: up to "stream" (a stream object) or "endobj", bounded.
            var window = pdf[from..Math.Min(pdf.Length, from + MaxDictionaryBytes)];
            int endobj = window.IndexOf("endobj"u8);
            int stream = window.IndexOf("stream"u8);
            bool isStream = stream >= 0 && (endobj < 0 || stream < endobj);
            int dictEnd = isStream ? stream : endobj >= 0 ? endobj : window.Length;
            var dict = Encoding.Latin1.GetString(window[..dictEnd]);
            isStream &= dict.TrimEnd().EndsWith(">>", StringComparison.Ordinal); // the keyword, not "stream" in a comment

            if (isStream)
            {
                streams.Add(number);
                var length = LengthReference().Match(dict);
                if (length.Success) lengthRefs.Add(long.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture));
                if (FormSubtype().IsMatch(dict)) forms.Add((number, generation));
            }
            if (dict.Contains("/XRef", StringComparison.Ordinal)) CheckWidths(dict);
        }

        if (lengthRefs.Any(streams.Contains))
            throw ExtractionStop.Corrupt("malformed stream (/Length refers to another stream)");
        return forms;
    }

    private static int Next(ReadOnlySpan<byte> pdf, int from, ReadOnlySpan<byte> pattern)
    {
        int rel = pdf[from..].IndexOf(pattern);
        return rel < 0 ? int.MaxValue : from + rel;
    }

    private static void CheckWidths(string dict)
    {
        foreach (Match m in WidthsPattern().Matches(dict))
        {
            var parts = m.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3) continue;
            foreach (var p in parts.Take(3))
            {
                if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int w) || w > MaxFieldWidth)
                    throw ExtractionStop.Corrupt("malformed cross-reference stream (/W field widths)");
            }
        }
    }

    /// <summary>Reads "N G" before the "obj" keyword at <paramref name="at"/> (which points at the separator).</summary>
    private static bool TryReadHeader(ReadOnlySpan<byte> pdf, int at, out long number, out int generation)
    {
        number = 0;
        generation = 0;
        int i = at - 1;
        while (i >= 0 && pdf[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t') i--;
        int genEnd = i + 1;
        while (i >= 0 && pdf[i] is >= (byte)'0' and <= (byte)'9') i--;
        if (genEnd - (i + 1) is < 1 or > 5) return false;
        generation = int.Parse(pdf[(i + 1)..genEnd], CultureInfo.InvariantCulture);
        while (i >= 0 && pdf[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t') i--;
        int numEnd = i + 1;
        while (i >= 0 && pdf[i] is >= (byte)'0' and <= (byte)'9') i--;
        if (numEnd - (i + 1) is < 1 or > 10) return false;
        number = long.Parse(pdf[(i + 1)..numEnd], CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"/W\s*\[([^\]\[]*)\]")]
    private static partial Regex WidthsPattern();

    [GeneratedRegex(@"/Length\s+(\d{1,10})\s+\d{1,5}\s+R")]
    private static partial Regex LengthReference();

    [GeneratedRegex(@"/Subtype\s*/Form\b")]
    private static partial Regex FormSubtype();
}
