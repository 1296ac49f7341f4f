using System.Runtime.CompilerServices;
using ClassScan.Core.Documents;

namespace ClassScan.Detection.Text;

/// <summary>
/// The <see cref="SegmentContext"/> of each segment, built once per document and thread and shared by every detector
/// that reads words or sentences (health, sensitive categories, individuals): the judge stage runs all detectors
/// over one text on one thread, so lower-casing, tokenising and sentence splitting happen once instead of once per
/// detector. Findings are the same as with a context per detector: a context only caches what its text gives, and
/// its cue cache is keyed by the cue list itself (two detectors' lists of the same name are not the same list).
/// <para>
/// One cache per thread (a context's lazy parts are not thread-safe), whose entries live exactly as long as their
/// document: the table holds the document weakly and its contexts only through it, so once a document's judge is
/// done they go with it at the next collection. (Before, each thread held its last document's contexts until it
/// judged another: after a 16 M-character workbook, the lowered copies and word indexes of both lanes, tens of MB,
/// stayed alive for seconds on pool threads that had nothing else to judge.) A cached context is used only while
/// its segment is still the same string.
/// </para>
/// </summary>
internal static class SharedSegments
{
    [ThreadStatic] private static ConditionalWeakTable<ExtractedText, SegmentContext?[]>? documents;

    /// <summary>The context of segment <paramref name="index"/> of <paramref name="text"/>, whose text is <paramref name="raw"/>.</summary>
    public static SegmentContext For(ExtractedText text, int index, string raw)
    {
        var contexts = (documents ??= []).GetValue(text, static t => new SegmentContext?[t.Segments.Count]);
        var context = contexts[index];
        if (context is null || !ReferenceEquals(context.Text, raw))
            contexts[index] = context = new SegmentContext(index, raw);
        return context;
    }
}
