using ClassScan.Core.Documents;

namespace ClassScan.Detection.Text;

/// <summary>
/// The <see cref="SegmentContext"/> of each segment, built once per document and thread and shared by every detector
/// that reads words or sentences (health, sensitive categories, individuals): the judge stage runs all detectors
/// over one text on one thread, so lower-casing, tokenising and sentence splitting happen once instead of once per
/// detector. Findings are the same as with a context per detector: a context only caches what its text gives, and
/// its cue cache is keyed by the cue list itself (two detectors' lists of the same name are not the same list).
/// <para>
/// One cache per thread (a context's lazy parts are not thread-safe), holding the last document that thread read:
/// a new document replaces it, so at most one document's contexts per judge thread outlive their detection. The
/// document is held weakly; a cached context is used only while its segment is still the same string.
/// </para>
/// </summary>
internal static class SharedSegments
{
    [ThreadStatic] private static WeakReference<ExtractedText>? document;
    [ThreadStatic] private static SegmentContext?[]? contexts;

    /// <summary>The context of segment <paramref name="index"/> of <paramref name="text"/>, whose text is <paramref name="raw"/>.</summary>
    public static SegmentContext For(ExtractedText text, int index, string raw)
    {
        if (document is null || !document.TryGetTarget(out var known) || !ReferenceEquals(known, text) || contexts is null || contexts.Length != text.Segments.Count)
        {
            if (document is null) document = new WeakReference<ExtractedText>(text);
            else document.SetTarget(text);
            contexts = new SegmentContext?[text.Segments.Count];
        }
        var context = contexts[index];
        if (context is null || !ReferenceEquals(context.Text, raw))
            contexts[index] = context = new SegmentContext(index, raw);
        return context;
    }
}
