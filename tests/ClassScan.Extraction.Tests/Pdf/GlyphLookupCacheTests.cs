using ClassScan.Extraction.Pdf;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.PdfFonts;

namespace ClassScan.Extraction.Tests.Pdf;

public sealed class GlyphLookupCacheTests
{
    [Fact]
    public void Get_SameCodeTwice_FontAskedOnce_SameAnswer()
    {
        var font = new CountingFont();
        var cache = new GlyphLookupCache();

        var first = cache.Get(font, 'A');
        var second = cache.Get(font, 'A');

        Assert.Equal(first, second);
        Assert.Equal(("A", 0.5), (first.Unicode, first.Width));
        Assert.Equal(1, font.Lookups);
    }

    [Fact]
    public void Get_TwoFonts_EachGivesItsOwnAnswer()
    {
        var a = new CountingFont(width: 0.5);
        var b = new CountingFont(width: 0.75);
        var cache = new GlyphLookupCache();

        Assert.Equal(0.5, cache.Get(a, 'x').Width);
        Assert.Equal(0.75, cache.Get(b, 'x').Width);
        Assert.Equal(0.5, cache.Get(a, 'x').Width);
        Assert.Equal((1, 1), (a.Lookups, b.Lookups));
    }

    [Fact]
    public void Get_NoUnicode_CodeAsCharacter()
    {
        var cache = new GlyphLookupCache();

        Assert.Equal("\u0007", cache.Get(new CountingFont(hasUnicode: false), 7).Unicode);
    }

    [Fact]
    public void Get_MoreFontsThanTheBound_LaterFontsAskedEveryTimeAndNotKept()
    {
        // PdfPig makes a new font object for every extended graphics state that sets a font: a content stream could
        // otherwise keep any number of them alive for the rest of the document.
        var cache = new GlyphLookupCache();
        for (var i = 0; i < GlyphLookupCache.MaxFonts; i++) cache.Get(new CountingFont(), 'a');
        var late = new CountingFont();

        cache.Get(late, 'a');
        cache.Get(late, 'a');

        Assert.Equal(GlyphLookupCache.MaxFonts, cache.FontCount);
        Assert.Equal(2, late.Lookups);
    }

    [Fact]
    public void Get_MoreCodesThanTheBound_LaterCodesAskedEveryTime()
    {
        var font = new CountingFont();
        var cache = new GlyphLookupCache();
        for (var code = 0; code < GlyphLookupCache.MaxCodesPerFont; code++) cache.Get(font, code);
        var before = font.Lookups;

        cache.Get(font, GlyphLookupCache.MaxCodesPerFont + 1);
        cache.Get(font, GlyphLookupCache.MaxCodesPerFont + 1);
        cache.Get(font, 5);

        Assert.Equal(before + 2, font.Lookups);
    }

    /// <summary>A font whose every code is one glyph of a fixed width; counts how often it is asked.</summary>
    private sealed class CountingFont(double width = 0.5, bool hasUnicode = true) : IFont
    {
        public int Lookups { get; private set; }

        public UglyToad.PdfPig.Tokens.NameToken Name => UglyToad.PdfPig.Tokens.NameToken.Create("Counting");

        public bool IsVertical => false;

        public FontDetails Details { get; } = new("Counting", false, FontDetails.DefaultWeight, false);

        public int ReadCharacterCode(IInputBytes bytes, out int codeLength)
        {
            codeLength = 1;
            return bytes.CurrentByte;
        }

        public bool TryGetUnicode(int characterCode, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = hasUnicode ? ((char)characterCode).ToString() : null;
            return hasUnicode;
        }

        public CharacterBoundingBox GetBoundingBox(int characterCode)
        {
            Lookups++;
            // PdfPig's box has no public constructor (only its fonts make one).
            return (CharacterBoundingBox)Activator.CreateInstance(typeof(CharacterBoundingBox),
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public,
                null, [new PdfRectangle(0, 0, width, 1), width], null)!;
        }

        public TransformationMatrix GetFontMatrix() => TransformationMatrix.Identity;

        public double GetAscent() => 0.8;

        public double GetDescent() => -0.2;

        public bool TryGetPath(int characterCode, out IReadOnlyList<UglyToad.PdfPig.Core.PdfSubpath> path)
        {
            path = [];
            return false;
        }

        public bool TryGetNormalisedPath(int characterCode, out IReadOnlyList<UglyToad.PdfPig.Core.PdfSubpath> path)
        {
            path = [];
            return false;
        }
    }
}
