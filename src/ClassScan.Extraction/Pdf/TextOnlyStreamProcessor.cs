using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Core;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.PdfFonts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Util;
using UglyToad.PdfPig.XObjects;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// Runs a page's content stream for its glyphs only. Text showing follows PdfPig 0.1.16's
/// BaseStreamProcessor (the same text-matrix advance, point size and baseline points, so the text and its
/// spacing stay PdfPig's) but makes no Letter: no glyph outline box, loose box, colour or font reference per
/// glyph, and no Type 3 glyph procedure is parsed for a box nobody reads. Paths, clipping, images, shading and
/// marked content do nothing; an extended graphics state only sets its font. Form XObjects are still run
/// (text inside them counts). <c>ShowText</c> is not virtual in PdfPig, so this class re-implements the
/// interface method (<see cref="IOperationContext"/> is listed again) to take the Tj, ' and " operators.
/// </summary>
internal sealed class TextOnlyStreamProcessor : BaseStreamProcessor<PdfTextPage>, IOperationContext
{
    private readonly List<PdfGlyph> glyphs;
    private readonly GlyphLookupCache fontGlyphs;

    /// <param name="glyphs">Filled with the page's glyphs (cleared first): one list reused for all pages of a document,
    /// since a long page's list would otherwise be a new large-object-heap array per page.</param>
    /// <param name="fontGlyphs">The document's fonts' answers per character code, shared by its pages.</param>
    public TextOnlyStreamProcessor(List<PdfGlyph> glyphs, GlyphLookupCache fontGlyphs, int pageNumber, IResourceStore resourceStore, IPdfTokenScanner pdfScanner,
        IPageContentParser pageContentParser, ILookupFilterProvider filterProvider, CropBox cropBox, UserSpaceUnit userSpaceUnit,
        PageRotationDegrees rotation, in TransformationMatrix initialMatrix, ParsingOptions parsingOptions)
        : base(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation,
            initialMatrix, parsingOptions)
    {
        this.glyphs = glyphs;
        this.fontGlyphs = fontGlyphs;
        glyphs.Clear();
    }

    public override PdfTextPage Process(int pageNumberCurrent, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        PageNumber = pageNumberCurrent;
        CloneAllStates();
        ProcessOperations(operations);
        return new PdfTextPage(ContentOrderText.GetText(glyphs));
    }

    /// <summary>Tj (and ' and ", which call it): one text-showing operation.</summary>
    public new void ShowText(IInputBytes bytes)
    {
        var font = CurrentFont();
        if (font is { IsVertical: true })
        {
            // Vertical metrics are internal to PdfPig: its own loop draws these, through RenderGlyph.
            base.ShowText(bytes);
            return;
        }
        TextSequence++;
        ShowTextCore(bytes, font);
    }

    /// <summary>TJ: strings and position adjustments, as in PdfPig.</summary>
    public override void ShowPositionedText(IReadOnlyList<IToken> tokens)
    {
        var textState = GetCurrentState().FontState;
        var font = ResourceStore.GetFont(textState.FontName);
        if (font is { IsVertical: true })
        {
            base.ShowPositionedText(tokens);
            return;
        }
        TextSequence++;
        if (font is null)
        {
            if (ParsingOptions.SkipMissingFonts) return;
            throw new InvalidOperationException("a TJ operator uses a font that is not in the page's resources");
        }

        var fontSize = textState.FontSize;
        var horizontalScaling = textState.HorizontalScaling / 100.0;
        foreach (var token in tokens)
        {
            if (token is NumericToken number)
            {
                var tx = -number.Data / 1000 * fontSize * horizontalScaling;
                TextMatrices.TextMatrix = TransformationMatrix.GetTranslationMatrix(tx, 0).Multiply(TextMatrices.TextMatrix);
            }
            else
            {
                byte[] bytes = token is HexToken hex ? [.. hex.Bytes] : ((StringToken)token).GetBytes();
                ShowTextCore(new MemoryInputBytes(bytes), CurrentFont());
            }
        }
    }

    private IFont? CurrentFont()
    {
        var fontState = GetCurrentState().FontState;
        return fontState.FromExtendedGraphicsState ? ActiveExtendedGraphicsStateFont : ResourceStore.GetFont(fontState.FontName);
    }

    /// <summary>PdfPig's ShowTextInternal for a horizontal font, without the Letter.</summary>
    private void ShowTextCore(IInputBytes bytes, IFont? font)
    {
        if (font is null)
        {
            if (ParsingOptions.SkipMissingFonts) return;
            throw new InvalidOperationException("text uses a font that is not in the page's resources");
        }

        var currentState = GetCurrentState();
        var fontSize = currentState.FontState.FontSize;
        var horizontalScaling = currentState.FontState.HorizontalScaling / 100.0;
        var characterSpacing = currentState.FontState.CharacterSpacing;
        var rise = currentState.FontState.Rise;
        var transformationMatrix = currentState.CurrentTransformationMatrix;
        var renderingMatrix = TransformationMatrix.FromValues(fontSize * horizontalScaling, 0, 0, fontSize, 0, rise);
        var pointSize = Math.Round(transformationMatrix.Multiply(TextMatrices.TextMatrix)
            .Transform(new PdfRectangle(0, 0, 1, fontSize)).Height, 2);

        while (bytes.MoveNext())
        {
            var code = font.ReadCharacterCode(bytes, out int codeLength);
            var (unicode, width) = fontGlyphs.Get(font, code);

            var wordSpacing = code == ' ' && codeLength == 1 ? currentState.FontState.WordSpacing : 0.0;
            AddGlyph(unicode, bytes.CurrentOffset, width, pointSize, renderingMatrix, TextMatrices.TextMatrix, transformationMatrix);

            var tx = ((width * fontSize) + characterSpacing + wordSpacing) * horizontalScaling;
            TextMatrices.TextMatrix = TextMatrices.TextMatrix.Translate(tx, 0);
        }
    }

    private void AddGlyph(string unicode, long currentOffset, double width, double pointSize, in TransformationMatrix renderingMatrix,
        in TransformationMatrix textMatrix, in TransformationMatrix transformationMatrix)
    {
        // A combining diacritic drawn right after its letter in the same operation joins it, as in PdfPig.
        if (currentOffset > 0 && glyphs.Count > 0 && Diacritics.IsInCombiningDiacriticRange(unicode))
        {
            var attachTo = glyphs[^1];
            if (attachTo.TextSequence == TextSequence
                && Diacritics.TryCombineDiacriticWithPreviousLetter(unicode, attachTo.Value, out var combined))
            {
                glyphs[^1] = attachTo with { Value = combined };
                return;
            }
        }

        // The baseline ends of PdfPig's glyph rectangle (0, 0, width, 1): its bottom corners, put through the three
        // matrices one after the other exactly as PerformantRectangleTransformer does, so the values are identical.
        var start = Through(renderingMatrix, textMatrix, transformationMatrix, 0, 0);
        var end = Through(renderingMatrix, textMatrix, transformationMatrix, width, 0);
        glyphs.Add(new PdfGlyph(unicode, start, end, pointSize, TextSequence));
    }

    private static PdfPoint Through(in TransformationMatrix first, in TransformationMatrix second, in TransformationMatrix third, double x, double y)
    {
        var x1 = first.A * x + first.C * y + first.E;
        var y1 = first.B * x + first.D * y + first.F;
        var x2 = second.A * x1 + second.C * y1 + second.E;
        var y2 = second.B * x1 + second.D * y1 + second.F;
        return new PdfPoint(third.A * x2 + third.C * y2 + third.E, third.B * x2 + third.D * y2 + third.F);
    }

    public override void RenderGlyph(IFont font, CurrentGraphicsState currentState, double fontSize, double pointSize, int code,
        string unicode, long currentOffset, in TransformationMatrix renderingMatrix, in TransformationMatrix textMatrix,
        in TransformationMatrix transformationMatrix, CharacterBoundingBox characterBoundingBox) =>
        AddGlyph(unicode, currentOffset, characterBoundingBox.Width, pointSize, renderingMatrix, textMatrix, transformationMatrix);

    public override void SetNamedGraphicsState(NameToken stateName)
    {
        // Only the font of an extended graphics state matters for text; soft masks and blend modes are not parsed.
        var state = ResourceStore.GetExtendedGraphicsStateDictionary(stateName);
        if (state is null) return;
        if (state.TryGet(NameToken.Font, PdfScanner, out ArrayToken? fontArray) && fontArray.Length == 2
            && fontArray.Data[0] is IndirectReferenceToken fontReference && fontArray.Data[1] is NumericToken sizeToken)
        {
            var current = GetCurrentState();
            current.FontState.FromExtendedGraphicsState = true;
            current.FontState.FontSize = sizeToken.Data;
            ActiveExtendedGraphicsStateFont = ResourceStore.GetFontDirectly(fontReference);
        }
    }

    public override void BeginInlineImage()
    {
    }

    public override void SetInlineImageProperties(IReadOnlyDictionary<NameToken, IToken> properties)
    {
    }

    public override void EndInlineImage(Memory<byte> bytes)
    {
    }

    protected override void RenderInlineImage(InlineImage inlineImage)
    {
    }

    protected override void RenderXObjectImage(XObjectContentRecord xObjectContentRecord)
    {
    }

    public override void BeginSubpath()
    {
    }

    public override PdfPoint? CloseSubpath() => null;

    public override void StrokePath(bool close)
    {
    }

    public override void FillPath(FillingRule fillingRule, bool close)
    {
    }

    public override void FillStrokePath(FillingRule fillingRule, bool close)
    {
    }

    public override void MoveTo(double x, double y)
    {
    }

    public override void BezierCurveTo(double x2, double y2, double x3, double y3)
    {
    }

    public override void BezierCurveTo(double x1, double y1, double x2, double y2, double x3, double y3)
    {
    }

    public override void LineTo(double x, double y)
    {
    }

    public override void Rectangle(double x, double y, double width, double height)
    {
    }

    public override void EndPath()
    {
    }

    public override void ClosePath()
    {
    }

    public override void ModifyClippingIntersect(FillingRule clippingRule)
    {
    }

    protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule clippingRule)
    {
    }

    public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties)
    {
    }

    public override void EndMarkedContent()
    {
    }

    public override void PaintShading(NameToken shadingName)
    {
    }
}
