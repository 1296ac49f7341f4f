namespace ClassScan.Core.Documents;

/// <summary>The document is password-protected or encrypted; its content cannot be judged.</summary>
public sealed class EncryptedDocumentException(string message) : Exception(message);

/// <summary>The format is not one we extract (legacy .doc, images, archives...).</summary>
public sealed class UnsupportedFormatException(string message) : Exception(message);

/// <summary>A configured limit was reached; the message names the limit.</summary>
public sealed class ExtractionLimitException(string limitName, string message) : Exception(message)
{
    public string LimitName { get; } = limitName;
}

/// <summary>The file is corrupt or truncated in a way the extractor recognised; the message is a short cause.</summary>
public sealed class CorruptDocumentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The text passed <see cref="ExtractionLimits.MaxExtractedChars"/>; extraction stopped there. Carries the text read
/// up to the limit (marked <see cref="ExtractedText.Truncated"/>) so the file can still be judged on it: what was
/// found in the part read holds whatever the rest says, since more text can only add findings.
/// </summary>
public sealed class TextLimitReachedException(ExtractedText partialText, long limit)
    : Exception($"more than {limit:N0} characters of text (MaxExtractedChars)")
{
    public ExtractedText PartialText { get; } = partialText;
    public long Limit { get; } = limit;
}
