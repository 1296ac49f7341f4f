using System.Buffers.Binary;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.Cfb;

/// <summary>The storage tree and whole-stream reads of <see cref="CompoundFile"/>, on files from <see cref="CompoundTreeWriter"/>.</summary>
public class CompoundFileTests
{
    private static readonly byte[] Large = Enumerable.Range(0, 9000).Select(i => (byte)i).ToArray();

    private static byte[] Tree() => CompoundTreeWriter.Write(new CfbNode.Storage("Root Entry",
    [
        new CfbNode.Stream("liten", "mini stream"u8.ToArray()),
        new CfbNode.Storage("mapp", [new CfbNode.Stream("inre", "i mappen"u8.ToArray()), new CfbNode.Stream("stor", Large)]),
        new CfbNode.Stream("tom", []),
    ]));

    private static CompoundFile Open(byte[] bytes) => CompoundFile.Open(new MemoryStream(bytes, writable: false), CancellationToken.None);

    [Fact]
    public void Children_StorageTree_EachLevelItsOwnEntries()
    {
        var file = Open(Tree());
        var root = file.Children(file.Entries[0]);
        var folder = Assert.Single(root, e => e.Name == "mapp");

        Assert.Equal(["liten", "mapp", "tom"], root.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["inre", "stor"], file.Children(folder).Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Empty(file.Children(Assert.Single(root, e => e.Name == "liten")));
    }

    [Fact]
    public void ReadPrefix_MiniAndRegularStreams_WholeContent()
    {
        var file = Open(Tree());
        var folder = file.Children(file.Entries[0]).Single(e => e.Name == "mapp");

        Assert.Equal("mini stream"u8.ToArray(), file.ReadPrefix(file.Find("liten")!, int.MaxValue));
        Assert.Equal("i mappen"u8.ToArray(), file.ReadPrefix(file.Children(folder).Single(e => e.Name == "inre"), int.MaxValue));
        Assert.Equal(Large, file.ReadPrefix(file.Find("stor")!, int.MaxValue));
        Assert.Equal(Large[..100], file.ReadPrefix(file.Find("stor")!, 100));
        Assert.Empty(file.ReadPrefix(file.Find("tom")!, int.MaxValue));
    }

    [Fact]
    public void ReadPrefix_SizeClaimPastTheFile_NoLargerThanTheFile()
    {
        var bytes = Tree();
        var file = Open(bytes);
        var claimed = file.Find("stor")! with { Size = 0xFFFFFFF0 };

        Assert.InRange(file.ReadPrefix(claimed, int.MaxValue).Length, Large.Length, bytes.Length);
    }

    [Fact]
    public void Children_SiblingLinkLoopingBack_EachEntryOnce()
    {
        var bytes = Tree();
        // The last root-level sibling ("tom", entry 3) links back to the first ("liten", entry 1).
        int dir = 512 * (1 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30)));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(dir + (3 * 128) + 0x48), 1);
        var file = Open(bytes);

        Assert.Equal(3, file.Children(file.Entries[0]).Count);
    }

    [Fact]
    public void Open_DirectoryWithoutRoot_Corrupt()
    {
        var bytes = Tree();
        int dir = 512 * (1 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30)));
        bytes[dir + 0x42] = 1; // the root entry marked as a plain storage

        var stop = Assert.Throws<ExtractionStop>(() => Open(bytes));
        Assert.Equal("invalid OLE2 compound file: no root directory entry", Assert.IsType<ExtractionResult.Corrupt>(stop.Result).Reason);
    }
}
