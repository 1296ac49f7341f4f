using System.Text;

namespace ClassScan.Classification.Data;

/// <summary>
/// Reads a labels file: a header row naming at least <c>file</c> and <c>level</c>, optionally <c>split</c>,
/// <c>doctype</c>, <c>family</c> and <c>source</c> (see <see cref="Family"/>); other columns are ignored. Comma- or semicolon-separated (a municipality exporting from
/// Swedish Excel gets semicolons), RFC 4180 quotes, UTF-8 with or without BOM.
/// </summary>
internal static class LabelsCsv
{
    /// <exception cref="FormatException">A missing column or a bad level, with the line number.</exception>
    public static IReadOnlyList<LabelledDocument> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    /// <exception cref="FormatException">A missing column or a bad level, with the line number.</exception>
    public static IReadOnlyList<LabelledDocument> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var headerLine = reader.ReadLine() ?? throw new FormatException("The labels file is empty.");
        var separator = headerLine.Contains(';', StringComparison.Ordinal) && !headerLine.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        var header = SplitLine(headerLine, separator);
        int Column(string name, bool required)
        {
            var i = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (i < 0 && required) throw new FormatException($"The labels file has no '{name}' column (header: {headerLine}).");
            return i;
        }

        int fileCol = Column("file", true), levelCol = Column("level", true), splitCol = Column("split", false), typeCol = Column("doctype", false);
        int familyCol = Column("family", false), sourceCol = Column("source", false);
        var rows = new List<LabelledDocument>();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = SplitLine(line, separator);
            string Cell(int i) => i >= 0 && i < cells.Count ? cells[i].Trim() : "";
            var file = Cell(fileCol);
            if (file.Length == 0) throw new FormatException($"Line {lineNo}: empty file name.");
            if (!LevelLabel.TryParse(Cell(levelCol), out var level))
                throw new FormatException($"Line {lineNo}: level '{Cell(levelCol)}' is not 0-3 or alternatives such as 0|1.");
            var type = Cell(typeCol);
            rows.Add(new(file, Cell(splitCol), level, type.Length == 0 ? null : type)
            {
                Family = Family(Cell(familyCol), Cell(sourceCol), type, file),
            });
        }
        return rows;
    }

    /// <summary>
    /// The group a document was written in, for leave-one-family-out cross-validation: the <c>family</c> column
    /// (dev2: one municipality's writers), else the repository of <c>source</c> (public-sv: "owner/repo:path@commit",
    /// one repository is one collection of similar texts), else <c>doctype</c> (dev: one generator template), else
    /// the file itself.
    /// </summary>
    public static string Family(string? family, string? source, string? docType, string file)
    {
        if (!string.IsNullOrWhiteSpace(family)) return family.Trim();
        if (!string.IsNullOrWhiteSpace(source))
        {
            var s = source.Trim();
            var colon = s.IndexOf(':', StringComparison.Ordinal);
            var at = s.IndexOf('@', StringComparison.Ordinal);
            var end = colon > 0 ? colon : at > 0 ? at : s.Length;
            return s[..end];
        }
        if (!string.IsNullOrWhiteSpace(docType)) return docType.Trim();
        return "file:" + file;
    }

    // Quoted fields may hold the separator and doubled quotes; labels never span lines, so a line is a record.
    private static List<string> SplitLine(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
