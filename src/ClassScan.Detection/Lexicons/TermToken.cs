namespace ClassScan.Detection.Lexicons;

/// <summary>One word of a lexicon term: lower-cased unless <paramref name="CaseSensitive"/>.</summary>
internal readonly record struct TermToken(string Text, TokenMode Mode, bool CaseSensitive);
