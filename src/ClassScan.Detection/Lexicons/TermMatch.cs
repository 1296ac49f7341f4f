namespace ClassScan.Detection.Lexicons;

/// <summary>A lexicon term found in text: character span and the word tokens it covers.</summary>
internal readonly record struct TermMatch(int TermIndex, int Start, int End, int FirstToken, int TokenCount)
{
    public int Length => End - Start;
}
