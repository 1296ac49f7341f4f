using System.Diagnostics;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// The fused CPU step for one document: pick an extractor, extract, run every detector, classify.
/// Synchronous on purpose (it is CPU work); thread-safe; never throws for a bad document: known failures
/// become statuses. Cancellation is the only exception that escapes.
/// </summary>
public sealed class DocumentAnalyzer(
    IExtractorSelector selector,
    IReadOnlyList<IDetector> detectors,
    IClassificationPolicy policy,
    ScanProgress? progress = null)
{
    private const int MaxNotesLength = 400;

    public DocumentAnalysis Analyze(string fileName, Stream content, ReadOnlySpan<byte> head, ExtractionLimits limits, CancellationToken ct)
    {
        var extractor = selector.Select(fileName, head);
        if (extractor is null)
            return new() { Status = ScanStatus.Unsupported, StatusDetail = UnsupportedReason(fileName) };

        ExtractedText text;
        var clock = Stopwatch.StartNew();
        try
        {
            text = extractor.Extract(content, limits, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception ex)
        {
            return Failure(ex, extractor.Name);
        }
        finally
        {
            progress?.AddExtract(clock.Elapsed);
        }
        progress?.AddChars(text.TotalChars);

        if (text.TotalChars > limits.MaxExtractedChars)
            return new() { Status = ScanStatus.Error, StatusDetail = $"gräns MaxExtractedChars ({limits.MaxExtractedChars:N0} tecken) överskriden", Extractor = extractor.Name };

        if (text.IsBlank)
        {
            var why = text.PagesWithoutText > 0
                ? $"inget textlager på {text.PagesWithoutText} av {text.PageCount} sidor (skannad?)"
                : "ingen text i filen";
            return new() { Status = ScanStatus.NoText, StatusDetail = why, Extractor = extractor.Name };
        }

        ct.ThrowIfCancellationRequested();
        clock.Restart();
        var findings = new List<Finding>();
        foreach (var detector in detectors)
        {
            try
            {
                detector.Detect(text, findings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The contract says detectors never throw; if one does, the file must not pass as clean.
                return new() { Status = ScanStatus.Error, StatusDetail = $"detektorfel {detector.Id}: {ex.GetType().Name}", Extractor = extractor.Name };
            }
        }
        progress?.AddDetect(clock.Elapsed);

        clock.Restart();
        var verdict = policy.Classify(findings, text);
        progress?.AddClassify(clock.Elapsed);

        int pnr = 0, health = 0;
        string? osl = null;
        foreach (var f in findings)
        {
            if (FindingKinds.IsPersonalIdentityNumber(f.Kind)) pnr++;
            else if (f.Kind == "halsa") health++;
            else if (f.Kind == "osl-markering" && osl is null) osl = f.Detail;
        }

        return new()
        {
            Status = ScanStatus.Ok,
            // Notes name parts of the document (an attachment's file name): masked like any other sample.
            StatusDetail = text.Notes.Count > 0 ? SafeText.Message(string.Join("; ", text.Notes), MaxNotesLength) : null,
            Classification = verdict,
            Evidence = EvidenceBuilder.Build(findings, text),
            PersonnummerCount = pnr,
            HealthCount = health,
            OslMarking = osl,
            Extractor = extractor.Name,
            ExtractedChars = text.TotalChars,
        };
    }

    /// <summary>Maps an extraction failure to a status with a short cause that quotes no content.</summary>
    public static DocumentAnalysis Failure(Exception ex, string? extractor) => ex switch
    {
        EncryptedDocumentException e => new() { Status = ScanStatus.Encrypted, StatusDetail = SafeText.Message(e.Message), Extractor = extractor },
        UnsupportedFormatException e => new() { Status = ScanStatus.Unsupported, StatusDetail = SafeText.Message(e.Message), Extractor = extractor },
        ExtractionLimitException e => new() { Status = ScanStatus.Error, StatusDetail = $"gräns {e.LimitName}: {SafeText.Message(e.Message)}", Extractor = extractor },
        CorruptDocumentException e => new() { Status = ScanStatus.Error, StatusDetail = "trasig fil: " + SafeText.Message(e.Message), Extractor = extractor },
        OutOfMemoryException => new() { Status = ScanStatus.Error, StatusDetail = "för stor att läsa (slut på minne)", Extractor = extractor },
        FileTooLargeException e => new() { Status = ScanStatus.Error, StatusDetail = e.Message, Extractor = extractor },
        // The type only: a parser's own message may quote the text or bytes it choked on.
        _ => new() { Status = ScanStatus.Error, StatusDetail = $"kunde inte läsas ({ex.GetType().Name})", Extractor = extractor },
    };

    private static string UnsupportedReason(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(ext) ? "okänt format (ingen filändelse)" : $"format som inte läses: {ext.ToLowerInvariant()}";
    }
}
