using System.Reflection;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Lexicons;

/// <summary>
/// Reads the lexicon data files embedded in this assembly (format: README.md in this folder). A missing
/// resource is a build error, so loading throws <see cref="InvalidOperationException"/>; detectors load their
/// lexicons once, in a static initialiser, and never throw while detecting.
/// </summary>
internal static class LexiconFile
{
    private const string ResourcePrefix = "ClassScan.Detection.Lexicons.";

    public static string ReadResource(string fileName)
    {
        var assembly = typeof(LexiconFile).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded lexicon '{fileName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static List<LexiconSection> ParseSections(string text)
    {
        var sections = new List<LexiconSection>();
        LexiconSection? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                var parts = line[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) continue;
                string? requires = null;
                bool weak = false, inflect = false;
                foreach (var option in parts.AsSpan(1))
                {
                    if (option == "svag") weak = true;
                    else if (option == "bojning") inflect = true;
                    else if (option.StartsWith("kraver=", StringComparison.Ordinal)) requires = option["kraver=".Length..];
                }
                current = new LexiconSection(parts[0], weak, inflect, requires);
                sections.Add(current);
                continue;
            }
            current?.Lines.Add(line);
        }
        return sections;
    }

    /// <summary>Parses one entry line into a term; null when the line holds no word.</summary>
    public static LexiconTerm? ParseTerm(string line, LexiconSection section, int priority)
    {
        var weak = section.Weak;
        var caseSensitive = false;
        var head = false;
        var i = 0;
        for (; i < line.Length && line[i] is '~' or '=' or '<'; i++)
        {
            if (line[i] == '~') weak = true;
            else if (line[i] == '=') caseSensitive = true;
            else head = true;
        }

        var tokens = new List<TermToken>();
        foreach (var rawWord in line[i..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = rawWord;
            var mode = TokenMode.Exact;
            if (word.EndsWith('*')) { mode = TokenMode.Inflect; word = word[..^1]; }
            else if (word.EndsWith('+')) { mode = TokenMode.Compound; word = word[..^1]; }
            else if (word.EndsWith('>')) { mode = TokenMode.Modifier; word = word[..^1]; }

            var parts = new List<WordToken>();
            WordTokenizer.Tokenize(word, parts);
            for (var p = 0; p < parts.Count; p++)
            {
                var text = word.Substring(parts[p].Start, parts[p].Length);
                var partMode = p == parts.Count - 1 ? mode : TokenMode.Exact;
                if (partMode == TokenMode.Exact && section.InflectAll && text.Length >= 5) partMode = TokenMode.Inflect;
                tokens.Add(new TermToken(caseSensitive ? text : text.ToLowerInvariant(), partMode, caseSensitive));
            }
        }
        if (tokens.Count == 0) return null;

        if (head)
        {
            var first = tokens[0];
            tokens[0] = first with { Mode = first.Mode == TokenMode.Modifier || first.Mode == TokenMode.Compound ? TokenMode.Compound : TokenMode.Head };
        }

        // Compounds only for single-word terms with a stem long enough not to hit inside unrelated words;
        // case-sensitive words (acronyms) are always whole words.
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.CaseSensitive) { tokens[t] = token with { Mode = TokenMode.Exact }; continue; }
            // Compounds in both directions or as the first part need a stem of five letters; as the last part
            // four suffice ("<chef" → upphandlingschef), since the word must end with the stem and an ending.
            var minStem = token.Mode == TokenMode.Head ? 4 : 5;
            var isCompound = token.Mode is TokenMode.Compound or TokenMode.Head or TokenMode.Modifier;
            if (isCompound && (tokens.Count > 1 || token.Text.Length < minStem))
                tokens[t] = token with { Mode = TokenMode.Inflect };
        }

        return new LexiconTerm([.. tokens], section.Name, weak, section.Requires, priority);
    }
}
