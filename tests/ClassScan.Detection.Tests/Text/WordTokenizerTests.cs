using ClassScan.Detection.Text;

namespace ClassScan.Detection.Tests.Text;

public sealed class WordTokenizerTests
{
    private static List<string> Words(string text)
    {
        var tokens = new List<WordToken>();
        WordTokenizer.Tokenize(text, tokens);
        return tokens.Select(t => text.Substring(t.Start, t.Length)).ToList();
    }

    [Theory]
    [InlineData("LSS-handläggare", "LSS|handläggare")]
    [InlineData("Åsa Öberg, 19121212-1212", "Åsa|Öberg|19121212|1212")]
    [InlineData("1Anders ordförandeDaniel SoL McKay", "1|Anders|ordförande|Daniel|SoL|McKay")]
    [InlineData("naïve café Ærø ªº µm", "naïve|café|Ærø|ªº|µm")]
    [InlineData("  \t\n", "")]
    [InlineData("Σωκράτης Пётр 東京", "Σωκράτης|Пётр|東京")]
    public void Tokenize_Text_SplitsIntoWords(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', Words(text)));
    }

    [Fact]
    public void Tokenize_RandomText_SameTokensAsTheCharMethods()
    {
        // The tokenizer reads Latin-1 character classes from a table; the rule is char.IsLetterOrDigit, IsUpper,
        // IsLower and IsDigit. Text drawn from every BMP character (weighted towards Latin-1 and its edges) must
        // give exactly the tokens the rule written with those methods gives.
        var random = new Random(20261202);
        var alphabet = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray();
        var latin1 = Enumerable.Range(0, 256).Select(c => (char)c).ToArray();
        for (var round = 0; round < 2_000; round++)
        {
            var chars = new char[random.Next(1, 80)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = random.Next(3) == 0 ? alphabet[random.Next(alphabet.Length)] : latin1[random.Next(latin1.Length)];
            var text = new string(chars);

            var actual = new List<WordToken>();
            WordTokenizer.Tokenize(text, actual);
            Assert.Equal(Reference(text), actual);
        }
    }

    [Fact]
    public void Tokenize_EveryLatin1Pair_SameTokensAsTheCharMethods()
    {
        for (var a = 0; a < 256; a++)
            for (var b = 0; b < 256; b++)
            {
                var text = new string([(char)a, (char)b, 'x']);
                var actual = new List<WordToken>();
                WordTokenizer.Tokenize(text, actual);
                Assert.Equal(Reference(text), actual);
            }
    }

    private static List<WordToken> Reference(string text)
    {
        var tokens = new List<WordToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            var lowerRun = 0;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                var c = text[i];
                if (i > start && char.IsUpper(c) && (char.IsDigit(text[i - 1]) || lowerRun >= 3)) break;
                lowerRun = char.IsLower(c) ? lowerRun + 1 : 0;
                i++;
            }
            tokens.Add(new WordToken(start, i - start));
        }
        return tokens;
    }
}
