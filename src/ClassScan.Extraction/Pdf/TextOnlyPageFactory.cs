using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// PdfPig page factory for text only (registered with <c>PdfDocument.AddPageFactory</c>, the route PdfPig's
/// maintainer points to in PdfPig issue 1034): the content stream is read by <see cref="TextOnlyContentParser"/>
/// for its text operations and run by <see cref="TextOnlyStreamProcessor"/>, giving a page's
/// glyphs without PdfPig's letters, paths, images or annotations. PdfPig creates it by reflection with this
/// constructor's parameters (the document's content parser is replaced by the text-only one), once per document;
/// like the document, not thread-safe.
/// </summary>
internal sealed class TextOnlyPageFactory : BasePageFactory<PdfTextPage>
{
    private readonly List<PdfGlyph> glyphs = [];
    private readonly GlyphLookupCache fontGlyphs = new();

    public TextOnlyPageFactory(IPdfTokenScanner pdfScanner, IResourceStore resourceStore, ILookupFilterProvider filterProvider,
        IPageContentParser pageContentParser, ParsingOptions parsingOptions)
        : base(pdfScanner, resourceStore, filterProvider,
            TextOnlyContentParser.Instance, parsingOptions)
    {
        _ = pageContentParser; // PdfPig's full parser, which makes a token of every operand of every operator: replaced above
    }

    protected override PdfTextPage ProcessPage(int pageNumber, DictionaryToken dictionary, NamedDestinations namedDestinations,
        MediaBox mediaBox, CropBox cropBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix,
        IReadOnlyList<IGraphicsStateOperation> operations)
    {
        if (operations is null || operations.Count == 0) return PdfTextPage.Empty;
        var processor = new TextOnlyStreamProcessor(glyphs, fontGlyphs, pageNumber, ResourceStore, PdfScanner, PageContentParser, FilterProvider, cropBox,
            userSpaceUnit, rotation, initialMatrix, ParsingOptions);
        return processor.Process(pageNumber, operations);
    }
}
