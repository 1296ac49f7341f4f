using System.Buffers.Binary;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Legacy;

/// <summary>
/// Reads slide and notes text of a PowerPoint 97-2003 presentation (.ppt/.pps/.pot) per [MS-PPT]. The live
/// edit is found as PowerPoint finds it: the Current User stream points at the last UserEditAtom, whose chain
/// of persist directories maps persist ids to record offsets (newest edit wins). The document's
/// SlideListWithText gives the slide order and the placeholder ("outline") text of each slide; each slide's
/// and notes page's own records hold the text of other shapes. Masters (template text) are skipped. When the
/// edit chain is broken the stream is walked record by record instead, slides numbered in stream order.
/// Text is TextCharsAtom (UTF-16) or TextBytesAtom (the low bytes of UTF-16, i.e. Latin-1); an outline copy of
/// a shape's text is kept once, repeats among shapes (equal table cells) are kept. Locations match <c>PowerPointExtractor</c>.
/// </summary>
internal static class PptReader
{
    private const int DocumentContainer = 0x03E8;
    private const int SlideContainer = 0x03EE;
    private const int NotesContainer = 0x03F0;
    private const int NotesAtom = 0x03F1;
    private const int SlidePersistAtom = 0x03F3;
    private const int TextCharsAtom = 0x0FA0;
    private const int TextBytesAtom = 0x0FA8;
    private const int CString = 0x0FBA;
    private const int SlideListWithText = 0x0FF0;
    private const int UserEditAtom = 0x0FF5;
    private const int PersistDirectoryAtom = 0x1772;
    private const int Comment10Container = 0x2EE0;

    // The binary-tag blob holds PowerPoint 2002+ extensions (comments among them) as records, though PowerPoint
    // itself writes it with recVer 0 like an atom.
    private const int BinaryTagDataBlob = 0x138B;

    private const int MaxDepth = 32;

    public static void Read(byte[] stream, byte[]? currentUser, SegmentCollector c)
    {
        var persist = LiveEdit(stream, currentUser, c.Token, out uint docRef);
        var slides = new List<Slide>();
        var notes = new List<PptRecord>();
        if (persist is not null && At(stream, persist, docRef, DocumentContainer) is { } doc)
        {
            ReadSlideLists(stream, doc, slides, notes, persist);
        }
        else
        {
            // No usable edit chain: every slide and notes record of the stream, in stream order.
            bool haveDocument = false;
            var slideRecords = new List<PptRecord>();
            foreach (var top in TopLevel(stream, c.Token))
            {
                if (top.Type == DocumentContainer && !haveDocument)
                {
                    haveDocument = true;
                    ReadSlideLists(stream, top, slides, notes, persist: null);
                }
                else if (top.Type == SlideContainer)
                {
                    slideRecords.Add(top);
                }
                else if (top.Type == NotesContainer)
                {
                    notes.Add(top);
                }
            }
            if (!haveDocument && slideRecords.Count == 0) throw ExtractionStop.Corrupt("damaged PowerPoint presentation: no document record");
            // Slide records in stream order go with the slide list's entries in list order.
            for (int i = 0; i < slideRecords.Count; i++)
            {
                if (i < slides.Count) slides[i].Record = slideRecords[i];
                else slides.Add(new Slide(0) { Record = slideRecords[i] });
            }
        }

        // Notes pages name their slide by its slide id (NotesAtom.slideIdRef); unknown ids go by position.
        // A record listed twice (a crafted persist directory) is read once: every walk below is over distinct records.
        var walked = new HashSet<int>();
        var slideById = new Dictionary<uint, int>();
        for (int i = 0; i < slides.Count; i++)
        {
            if (slides[i].Id != 0) slideById.TryAdd(slides[i].Id, i);
            if (slides[i].Record is { } r && !walked.Add(r.Offset)) slides[i].Record = null;
        }
        var notesBySlide = new Dictionary<int, List<PptRecord>>();
        for (int i = 0; i < notes.Count; i++)
        {
            if (!walked.Add(notes[i].Offset)) continue;
            var atom = notes[i].Children(stream).FirstOrDefault(r => r.Type == NotesAtom);
            uint slideId = atom.Type == NotesAtom ? atom.UInt32At(stream, 0) : 0;
            if (!slideById.TryGetValue(slideId, out int index) || slideId == 0) index = i;
            if (!notesBySlide.TryGetValue(index, out var list)) notesBySlide[index] = list = [];
            list.Add(notes[i]);
        }

        int count = Math.Max(slides.Count, notesBySlide.Count == 0 ? 0 : notesBySlide.Keys.Max() + 1);
        for (int i = 0; i < count; i++)
        {
            c.Token.ThrowIfCancellationRequested();
            var slide = i < slides.Count ? slides[i] : new Slide(0);
            var shapes = new TextList();
            var comments = new TextList();
            if (slide.Record is { } record) Collect(stream, record, shapes, comments, 0, inComment: false);
            // Placeholder text lives in the slide list and, in files from some writers, in the shape as well:
            // an outline text the shapes already hold is that copy. Repeats among shapes (table cells) stay.
            var text = new TextList();
            foreach (var outline in slide.Outline)
            {
                if (!shapes.Contains(outline)) text.Add(outline);
            }
            text.Append(shapes);
            c.Add(SegmentKind.Body, $"bild {i + 1}", text.ToString());

            if (notesBySlide.TryGetValue(i, out var pages))
            {
                var noteText = new TextList();
                foreach (var page in pages) Collect(stream, page, noteText, comments, 0, inComment: false);
                c.Add(SegmentKind.Notes, $"bild {i + 1} anteckningar", noteText.ToString());
            }
            c.Add(SegmentKind.Comment, $"bild {i + 1} kommentar", comments.ToString());
        }
    }

    /// <summary>
    /// The slide list (instance 0) and notes list (instance 2) of the document container: SlidePersistAtoms in
    /// slide order, each followed by the outline text of that slide.
    /// </summary>
    private static void ReadSlideLists(byte[] stream, PptRecord doc, List<Slide> slides, List<PptRecord> notes, Dictionary<uint, int>? persist)
    {
        foreach (var list in doc.Children(stream).Where(r => r.Type == SlideListWithText))
        {
            if (list.Instance is not (0 or 2)) continue; // 1: masters
            Slide? current = null;
            foreach (var r in list.Children(stream))
            {
                if (r.Type == SlidePersistAtom)
                {
                    uint persistRef = r.UInt32At(stream, 0);
                    if (list.Instance == 0)
                    {
                        current = new Slide(r.UInt32At(stream, 12));
                        if (persist is not null) current.Record = At(stream, persist, persistRef, SlideContainer);
                        slides.Add(current);
                    }
                    else if (persist is not null && At(stream, persist, persistRef, NotesContainer) is { } page)
                    {
                        notes.Add(page);
                    }
                }
                else if (current is not null && list.Instance == 0 && TextOf(stream, r) is { } text)
                {
                    current.Outline.Add(text);
                }
            }
        }
    }

    /// <summary>Text atoms anywhere below <paramref name="record"/>; comment text (CString 1 of a Comment10) apart.</summary>
    private static void Collect(byte[] stream, PptRecord record, TextList text, TextList comments, int depth, bool inComment)
    {
        if (depth > MaxDepth) return;
        foreach (var r in record.Children(stream))
        {
            if (r.IsContainer || r.Type == BinaryTagDataBlob)
            {
                Collect(stream, r, text, comments, depth + 1, inComment || r.Type == Comment10Container);
            }
            else if (inComment)
            {
                if (r.Type == CString && r.Instance == 1) comments.Add(Encoding.Unicode.GetString(stream, r.BodyOffset, r.Length & ~1));
            }
            else if (TextOf(stream, r) is { } s)
            {
                text.Add(s);
            }
        }
    }

    private static string? TextOf(byte[] stream, PptRecord r) => r.Type switch
    {
        TextCharsAtom => Encoding.Unicode.GetString(stream, r.BodyOffset, r.Length & ~1),
        TextBytesAtom => Encoding.Latin1.GetString(stream, r.BodyOffset, r.Length),
        _ => null,
    };

    /// <summary>
    /// The persist directory of the live edit: Current User → UserEditAtom → PersistDirectoryAtom, then each
    /// older edit for ids the newer ones do not define. Null when any link is missing or not what it claims.
    /// </summary>
    private static Dictionary<uint, int>? LiveEdit(byte[] stream, byte[]? currentUser, CancellationToken ct, out uint docRef)
    {
        docRef = 0;
        if (currentUser is null || currentUser.Length < 20) return null;
        long edit = BinaryPrimitives.ReadUInt32LittleEndian(currentUser.AsSpan(16));
        var persist = new Dictionary<uint, int>();
        var visited = new HashSet<long>();
        bool first = true;
        while (edit > 0 && edit < stream.Length)
        {
            ct.ThrowIfCancellationRequested();
            if (!visited.Add(edit) || !PptRecord.TryRead(stream, (int)edit, stream.Length, out var user) || user.Type != UserEditAtom || user.Length < 28)
                return first ? null : persist; // an older edit that is gone still leaves the newer ones
            if (first)
            {
                docRef = user.UInt32At(stream, 16);
                // encryptSessionPersistIdRef follows lastView only in an encrypted presentation ([MS-PPT] 2.3.3): a
                // second line of defence behind CfbExtractor's Current User and EncryptedSummary checks.
                if (user.Length >= 32) throw ExtractionStop.Encrypted("password-protected legacy PowerPoint presentation (.ppt)");
            }
            uint dirOffset = user.UInt32At(stream, 12);
            if (!PptRecord.TryRead(stream, (int)Math.Min(dirOffset, int.MaxValue), stream.Length, out var dir) || dir.Type != PersistDirectoryAtom)
                return first ? null : persist;
            int pos = dir.BodyOffset;
            while (pos + 4 <= dir.End)
            {
                uint entry = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(pos));
                uint id = entry & 0xFFFFF;
                int n = (int)(entry >> 20);
                pos += 4;
                for (int k = 0; k < n && pos + 4 <= dir.End; k++, pos += 4)
                    persist.TryAdd(id + (uint)k, (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(pos)), int.MaxValue));
            }
            first = false;
            edit = user.UInt32At(stream, 8);
        }
        return first ? null : persist;
    }

    private static PptRecord? At(byte[] stream, Dictionary<uint, int> persist, uint id, int type) =>
        persist.TryGetValue(id, out int offset) && PptRecord.TryRead(stream, offset, stream.Length, out var r) && r.Type == type ? r : null;

    private static IEnumerable<PptRecord> TopLevel(byte[] stream, CancellationToken ct)
    {
        int pos = 0;
        int count = 0;
        while (PptRecord.TryRead(stream, pos, stream.Length, out var r))
        {
            if ((++count & 1023) == 0) ct.ThrowIfCancellationRequested();
            yield return r;
            pos = r.End;
        }
    }

    /// <summary>A slide of the slide list: its id (for notes), outline text and its own record once found.</summary>
    private sealed class Slide(uint id)
    {
        public uint Id { get; } = id;

        public List<string> Outline { get; } = [];

        public PptRecord? Record { get; set; }
    }

    /// <summary>Text pieces of one location in order, with PowerPoint's paragraph and line breaks as newlines.</summary>
    private sealed class TextList
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly StringBuilder sb = new();

        public void Add(string raw)
        {
            var text = Clean(raw);
            if (text.Length == 0) return;
            seen.Add(text);
            sb.Append(text).Append('\n');
        }

        public bool Contains(string raw) => seen.Contains(Clean(raw));

        public void Append(TextList other)
        {
            seen.UnionWith(other.seen);
            sb.Append(other.sb);
        }

        public override string ToString() => sb.ToString();

        private static string Clean(string raw)
        {
            var clean = new StringBuilder(raw.Length);
            foreach (char ch in raw)
            {
                if (ch is '\r' or '\v') clean.Append('\n');
                else if (ch == '\t' || ch >= ' ') clean.Append(ch);
            }
            return clean.ToString().Trim();
        }
    }
}
