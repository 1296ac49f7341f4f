using ClassScan.Pipeline;

namespace ClassScan.Cli.Configuration;

/// <summary>
/// The "Scan:Ocr" section: reading pages without a text layer (scanned PDFs, images) with tesseract. On by default
/// when the programs are installed (<c>apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils</c>); without
/// them the scan still runs and lists such files in review.csv with "OCR saknas". Defaults from <see cref="ScanOptions"/>.
/// </summary>
public sealed class OcrSettings
{
    public const string SectionName = "Ocr";

    /// <summary>The values of <see cref="Enabled"/>.</summary>
    public static readonly string[] EnabledValues = ["auto", "true", "false"];

    private static readonly ScanOptions PipelineDefaults = new();

    /// <summary>"auto" (on when tesseract and the languages are found), "true" (on; doctor fails without the programs), "false" (off).</summary>
    public string Enabled { get; set; } = "auto";

    /// <summary>tesseract's language models, joined with "+".</summary>
    public string Languages { get; set; } = "swe+eng";

    /// <summary>Files read by OCR at once, each with one tesseract on one core.</summary>
    public int Parallelism { get; set; } = PipelineDefaults.OcrParallelism;

    public int PageTimeoutSeconds { get; set; } = (int)PipelineDefaults.OcrPageTimeout.TotalSeconds;

    public int FileTimeoutSeconds { get; set; } = (int)PipelineDefaults.OcrFileTimeout.TotalSeconds;

    /// <summary>Most pages of one file read by OCR; the rest are listed as not read.</summary>
    public int MaxPages { get; set; } = PipelineDefaults.MaxOcrPages;

    /// <summary>Off by setting, whatever is installed.</summary>
    public bool Off => Enabled.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>On by setting: missing programs are an error for doctor.</summary>
    public bool Required => Enabled.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
}
