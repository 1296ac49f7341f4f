using ClassScan.Core.Documents;

namespace ClassScan.Core.Language;

/// <summary>
/// Tells which language a document and its longer segments are written in, so that vocabulary detectors match
/// words of the language the text is in (classification-policy.md, Hard cases: "Any language").
/// Singleton, thread-safe, CPU-bound and synchronous; never throws on any text (returns
/// <see cref="LanguageProfile.Unknown"/> when it cannot tell).
/// </summary>
public interface ILanguageIdentifier
{
    LanguageProfile Identify(ExtractedText text);
}
