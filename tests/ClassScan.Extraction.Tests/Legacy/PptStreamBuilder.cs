using System.Buffers.Binary;
using System.Text;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Legacy;

/// <summary>
/// Builds PowerPoint binary records by hand ([MS-PPT] RecordHeader: recVer/recInstance, recType, recLen) and a
/// presentation of them: a document container with the slide list, slides, notes, a master, the persist
/// directory and the UserEditAtom that the Current User stream points at.
/// </summary>
internal static class PptStreamBuilder
{
    public const ushort SlideContainer = 0x03EE;
    public const ushort NotesContainer = 0x03F0;
    public const ushort MainMaster = 0x03F8;
    public const ushort Drawing = 0x040C;
    public const ushort ClientTextbox = 0xF00D;

    public static byte[] Atom(ushort type, byte[] body, int instance = 0)
    {
        var r = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(r, (ushort)(instance << 4));
        BinaryPrimitives.WriteUInt16LittleEndian(r.AsSpan(2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(r.AsSpan(4), (uint)body.Length);
        body.CopyTo(r, 8);
        return r;
    }

    public static byte[] Container(ushort type, int instance, params byte[][] children)
    {
        var r = Atom(type, [.. children.SelectMany(c => c)], instance);
        r[0] |= 0x0F;
        return r;
    }

    public static byte[] Chars(string text) => Atom(0x0FA0, Encoding.Unicode.GetBytes(text));

    public static byte[] Bytes(string text) => Atom(0x0FA8, Encoding.Latin1.GetBytes(text));

    public static byte[] SlidePersist(uint persistRef, uint slideId) => Atom(0x03F3, U32(persistRef, 0, 0, slideId, 0));

    public static byte[] NotesAtom(uint slideIdRef) => Atom(0x03F1, U32(slideIdRef, 0));

    /// <summary>A slide whose text is in a shape (the way PowerPoint 2000+ stores a text box).</summary>
    public static byte[] Slide(params byte[][] textAtoms) =>
        Container(SlideContainer, 0, Container(Drawing, 0, Container(ClientTextbox, 0, textAtoms)));

    public static byte[] Notes(uint slideIdRef, params byte[][] textAtoms) =>
        Container(NotesContainer, 0, NotesAtom(slideIdRef), Container(Drawing, 0, Container(ClientTextbox, 0, textAtoms)));

    /// <summary>
    /// A presentation stream: document container (slide list with outline text, notes list), then the given
    /// slides, notes and a master, then persist directory and UserEditAtom. Persist id 1 is the document,
    /// 2.. the slides then the notes in order. Returns the stream and the offset of its UserEditAtom.
    /// </summary>
    public static (byte[] Stream, int UserEdit) Presentation(IReadOnlyList<(byte[] Slide, uint Id, string? Outline)> slides, IReadOnlyList<byte[]> notes,
        bool selfLoopingEdit = false, bool encryptedEdit = false)
    {
        var slideList = new List<byte[]>();
        for (int i = 0; i < slides.Count; i++)
        {
            slideList.Add(SlidePersist((uint)(2 + i), slides[i].Id));
            if (slides[i].Outline is { } outline) slideList.Add(Chars(outline));
        }
        var notesList = notes.Select((_, i) => SlidePersist((uint)(2 + slides.Count + i), 0)).ToArray();
        var doc = Container(0x03E8, 0,
            Container(0x0FF0, 0, [.. slideList]),
            Container(0x0FF0, 1, Chars("Mallens text i listan")),
            Container(0x0FF0, 2, notesList));

        var stream = new MemoryStream();
        var offsets = new List<uint> { 0 };
        stream.Write(doc);
        foreach (var s in slides)
        {
            offsets.Add((uint)stream.Position);
            stream.Write(s.Slide);
        }
        foreach (var n in notes)
        {
            offsets.Add((uint)stream.Position);
            stream.Write(n);
        }
        stream.Write(Container(MainMaster, 0, Container(Drawing, 0, Container(ClientTextbox, 0, Chars("Klicka för att redigera mallen")))));

        uint dirOffset = (uint)stream.Position;
        stream.Write(Atom(0x1772, U32([(uint)offsets.Count << 20 | 1, .. offsets])));
        int userEdit = (int)stream.Position;
        uint lastEdit = selfLoopingEdit ? (uint)userEdit : 0;
        // An encrypted presentation's UserEditAtom ends with encryptSessionPersistIdRef.
        stream.Write(Atom(0x0FF5, encryptedEdit
            ? U32(0, 3, lastEdit, dirOffset, 1, (uint)offsets.Count + 1, 0, 9)
            : U32(0, 3, lastEdit, dirOffset, 1, (uint)offsets.Count + 1, 0)));
        return (stream.ToArray(), userEdit);
    }

    /// <summary>A slide list naming one slide record <paramref name="times"/> times (a crafted persist directory).</summary>
    public static (byte[] Stream, int UserEdit) OneSlideListedOften(byte[] slide, int times)
    {
        var list = Enumerable.Range(0, times).Select(i => SlidePersist(2, (uint)(256 + i))).ToArray();
        var stream = new MemoryStream();
        stream.Write(Container(0x03E8, 0, Container(0x0FF0, 0, list)));
        uint slideOffset = (uint)stream.Position;
        stream.Write(slide);
        uint dirOffset = (uint)stream.Position;
        stream.Write(Atom(0x1772, U32(2u << 20 | 1, 0, slideOffset)));
        int userEdit = (int)stream.Position;
        stream.Write(Atom(0x0FF5, U32(0, 3, 0, dirOffset, 1, 3, 0)));
        return (stream.ToArray(), userEdit);
    }

    public static byte[] CurrentUser(int userEdit) =>
        Atom(0x0FF6, U32(0x14, 0xE391C05F, (uint)userEdit, 0, 0));

    public static byte[] File(byte[] stream, int? userEdit) => userEdit is { } edit
        ? CompoundFileWriter.Create(("PowerPoint Document", stream), ("Current User", CurrentUser(edit)))
        : CompoundFileWriter.Create(("PowerPoint Document", stream));

    private static byte[] U32(params uint[] values)
    {
        var b = new byte[4 * values.Length];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4 * i), values[i]);
        return b;
    }
}
