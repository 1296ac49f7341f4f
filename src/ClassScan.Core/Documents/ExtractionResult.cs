namespace ClassScan.Core.Documents;

/// <summary>
/// What reading one file gave: its text, the part of its text read up to a limit, the files inside it (an archive),
/// or why there is no text to judge. One value for every outcome an extractor, the worker protocol, the fetch stage and the pipeline know
/// of, carried unchanged across the worker boundary; only bugs are exceptions. The set of cases is closed (the
/// constructor is private): a <c>switch</c> over the nested records is complete when it names all nine.
/// <para>
/// Why a record hierarchy and not a struct with a kind and nullable payload fields: each case carries exactly
/// its own data (text, a limit's name, a reason), a pattern <c>case ExtractionResult.LimitReached(var limit, var why)</c>
/// reads like the rule it implements, and tests compare whole values. One allocation per file costs nothing
/// beside its extraction. Immutable; value equality.
/// </para>
/// </summary>
public abstract record ExtractionResult
{
    private ExtractionResult()
    {
    }

    /// <summary>The text that was read, whole or partial; null when the file has none to judge.</summary>
    public ExtractedText? TextRead => this switch
    {
        Text t => t.Content,
        PartialText p => p.Content,
        _ => null,
    };

    /// <summary>The whole text of the file.</summary>
    public sealed record Text(ExtractedText Content) : ExtractionResult;

    /// <summary>
    /// The text passed <see cref="ExtractionLimits.MaxExtractedChars"/> (<paramref name="Limit"/>) and extraction
    /// stopped there; <paramref name="Content"/> is the part read, marked <see cref="ExtractedText.Truncated"/>. What
    /// was found in it holds whatever the rest says, since more text can only add findings.
    /// </summary>
    public sealed record PartialText : ExtractionResult
    {
        public PartialText(ExtractedText content, long limit)
        {
            ArgumentNullException.ThrowIfNull(content);
            if (!content.Truncated) throw new ArgumentException("partial text must be marked Truncated", nameof(content));
            Content = content;
            Limit = limit;
        }

        public ExtractedText Content { get; }
        public long Limit { get; }
    }

    /// <summary>
    /// A container of files (zip, 7z, tar, gzip): each file inside is a document of its own, with its own result, so
    /// that each is judged alone (a name in one file and a diagnosis in another are not one passage). Archives inside
    /// are flattened by the extractor into <paramref name="Entries"/> (<c>inner.zip!/x.docx</c>), so an entry's result
    /// is always a leaf (text, partial text or a failure), never another container. <paramref name="Notes"/> say what
    /// the extractor left unread (entries after a limit); they quote no content. <see cref="TextRead"/> is null: the
    /// container has no text of its own.
    /// </summary>
    public sealed record Container(IReadOnlyList<ContainerEntry> Entries, IReadOnlyList<string> Notes) : ExtractionResult;

    /// <summary>
    /// No text to judge, and why: <paramref name="Reason"/> is a short cause that quotes no document content
    /// (library messages may hold digits; the report masks them).
    /// </summary>
    public abstract record Failure(string Reason) : ExtractionResult;

    /// <summary>Password-protected or encrypted: its content cannot be judged.</summary>
    public sealed record Encrypted(string Reason) : Failure(Reason);

    /// <summary>A format we do not extract (legacy .doc, images, archives, a named pipe).</summary>
    public sealed record Unsupported(string Reason) : Failure(Reason);

    /// <summary>Corrupt or truncated in a way an extractor recognised, or the parser's process died on it.</summary>
    public sealed record Corrupt(string Reason) : Failure(Reason);

    /// <summary>A configured limit was reached before any text could be judged; <paramref name="LimitName"/> names it.</summary>
    public sealed record LimitReached(string LimitName, string Reason) : Failure(Reason);

    /// <summary>Opening, reading or parsing took longer than its time limit and was abandoned.</summary>
    public sealed record TimedOut(string Reason) : Failure(Reason);

    /// <summary>The file could not be opened or read (vanished, access denied, an unlistable entry): never parsed.</summary>
    public sealed record Unreadable(string Reason) : Failure(Reason);
}
