using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Tokens;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// Parses a content stream for text only: path construction and painting, clipping, colour, line style,
/// shading and marked-content operators become a shared no-op per operator (no operand parsing, no allocation, no path
/// or colour-space work when run); every other operator, text and graphics state included, is PdfPig's own.
/// An operator PdfPig does not know still yields null, because PdfPig's parser uses that to recover from an
/// inline image whose data contained "EI".
/// </summary>
internal sealed class TextOnlyOperationFactory : IGraphicsStateOperationFactory
{
    private static readonly Dictionary<string, IGraphicsStateOperation> Ignored = new string[]
    {
        // Path construction, painting and clipping.
        "m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "W", "W*",
        // Colour.
        "CS", "cs", "SC", "SCN", "sc", "scn", "G", "g", "RG", "rg", "K", "k",
        // Line style, rendering intent, flatness, shading.
        "w", "J", "j", "M", "d", "ri", "i", "sh",
        // Marked content (replacement text is not used: ParsingOptions.UseActualText is off).
        "BMC", "BDC", "EMC", "MP", "DP",
    }.ToDictionary(op => op, IGraphicsStateOperation (op) => new IgnoredOperation(op), StringComparer.Ordinal);

    public static TextOnlyOperationFactory Instance { get; } = new();

    private TextOnlyOperationFactory()
    {
    }

    public IGraphicsStateOperation? Create(OperatorToken op, IReadOnlyList<IToken> operands) =>
        Ignored.TryGetValue(op.Data, out var ignored)
            ? ignored
            : ReflectionGraphicsStateOperationFactory.Instance.Create(op, operands);

    /// <summary>An operator that text extraction does not need; it keeps its name for PdfPig's diagnostics.</summary>
    private sealed class IgnoredOperation(string symbol) : IGraphicsStateOperation
    {
        public string Operator => symbol;

        public void Write(Stream stream)
        {
        }

        public void Run(IOperationContext operationContext)
        {
        }
    }
}
