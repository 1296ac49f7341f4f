using ClassScan.Core.Documents;

namespace ClassScan.Pipeline;

/// <summary>Settings of one scan run. Defaults suit a nightly scan on an ordinary VM.</summary>
public sealed record ScanOptions
{
    /// <summary>
    /// Workers for each CPU stage: files extracted at once (each with its own worker process), and files
    /// detected and classified at once. Default: processor count.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Concurrent downloads/opens. Default: the same as <see cref="Parallelism"/>.</summary>
    public int FetchParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Wall-clock limit per file for each CPU step (extraction; detection and classification); the stage moves on when it passes.</summary>
    public TimeSpan FileTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Wall-clock limit for opening a file and reading it into the pipeline (a download included). Long, because a
    /// large download is slow but legitimate; it exists so that a share that stops answering or a named pipe in a
    /// scanned folder costs one error row, not a scan that never ends.
    /// </summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Files listed and waiting to be fetched, at most (bounded: memory does not grow with the folder); those
    /// still waiting when the listing ends are fetched largest first (<see cref="ListedFiles"/>).</summary>
    public int EnumerationBuffer { get; init; } = 1024;

    /// <summary>Content not seekable (e.g. a download) is buffered in memory up to this size, then spilled to a temp file.</summary>
    public long InMemoryBufferBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>
    /// A file up to this size is read whole, once, when it is fetched: its head for the format and the bytes the
    /// extractor (or its worker process, through the pipe) reads are that one read. A larger local file is read
    /// by its head only, and its worker opens it by path (no copy of a big file through the pipe and in two
    /// processes' memory).
    /// </summary>
    public long ReadWholeBytes { get; init; } = DocumentContent.ReadWholeBytes;

    public ExtractionLimits Limits { get; init; } = ExtractionLimits.Default;

    /// <summary>
    /// Files read by OCR at once (pages without a text layer, images), beside <see cref="Parallelism"/>: OCR is slow
    /// (seconds a page) and would otherwise take every core from ordinary files. Each OCR worker runs one tesseract
    /// process on one core. Default 1.
    /// </summary>
    public int OcrParallelism { get; init; } = 1;

    /// <summary>Wall-clock limit for OCR of one page (render and recognise); the page is then noted as not read.</summary>
    public TimeSpan OcrPageTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wall-clock limit for OCR of all pages of one file; pages not reached by then are noted as not read.</summary>
    public TimeSpan OcrFileTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most pages of one file read by OCR (the first ones without a text layer); the rest are noted as not read.</summary>
    public int MaxOcrPages { get; init; } = 50;
}
