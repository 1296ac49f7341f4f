namespace ClassScan.Detection.Lexicons;

/// <summary>A parsed lexicon entry.</summary>
/// <param name="Tokens">The words of the term, in order.</param>
/// <param name="Category">The section name (the Detail of a finding).</param>
/// <param name="Weak">Low confidence unless the sentence is about a person.</param>
/// <param name="Requires">Name of a cue list that must occur in the same sentence, or null.</param>
/// <param name="Priority">Higher wins a tie between overlapping matches of equal length.</param>
internal sealed record LexiconTerm(TermToken[] Tokens, string Category, bool Weak, string? Requires, int Priority);
