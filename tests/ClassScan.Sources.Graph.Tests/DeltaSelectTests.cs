using System.Text.Json;
using System.Text.Json.Nodes;
using ClassScan.Sources.Graph.Tests.Fakes;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;
using Xunit.Abstractions;

namespace ClassScan.Sources.Graph.Tests;

public sealed class DeltaSelectTests(ITestOutputHelper output) : GraphTestBase
{
    [Fact]
    public async Task Scan_EveryDeltaRequest_CarriesTheSelectAndPagesShrink()
    {
        var drive = Server.AddDrive("d1"); // 589 files, 10 folders and the root: three pages of 200
        var folders = Enumerable.Range(0, 10).Select(i => drive.AddFolder(null, $"Mapp {i}")).ToList();
        for (var i = 0; i < 589; i++) drive.AddFile(folders[i % 10].Id, $"dok{i:D3}.txt", Text(i, i % 9 == 0));
        var full = drive.Feed(null).Chunk(Server.PageSize).Select(p => new JsonObject { ["value"] = new JsonArray(p.Select(o => (JsonNode)o).ToArray()) }.ToJsonString().Length).ToList();

        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        drive.Edit(drive.Files()[0].Id, Text(0, false));
        var deltaLinkRun = Server.Requests.Count;
        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        var delta = Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta).ToList();
        Assert.Equal(4, delta.Count); // three pages, then one with the stored delta link
        Assert.All(delta, r => Assert.Contains("$select=" + DeltaQuery.Select, Uri.UnescapeDataString(r.PathAndQuery)));
        Assert.Contains("token=", Server.Requests.Skip(deltaLinkRun).First(r => r.Kind == FakeRequestKind.Delta).PathAndQuery);
        Assert.Equal(589, first.Results.Count);
        Assert.Single(second.Results);
        var selected = delta.Take(3).Select(r => r.ResponseBytes).ToList();
        output.WriteLine($"delta page bytes, {Server.PageSize} items a page: without $select {string.Join(", ", full)}; with {string.Join(", ", selected)}");
        Assert.True(selected.Sum() < full.Sum() * 0.6, $"{selected.Sum()} bytes with $select against {full.Sum()} without");
    }

    public static TheoryData<string> ItemsOfEveryKind()
    {
        var drive = new FakeDrive("d1");
        var folder = drive.AddFolder(null, "Elevhälsa");
        var file = drive.AddFile(folder.Id, "åtgärdsprogram.docx", "text");
        var notebook = drive.AddNotebook(null, "Anteckningar");
        var data = new TheoryData<string>
        {
            drive.Render(drive.Root).ToJsonString(),
            drive.Render(folder).ToJsonString(),
            drive.Render(file).ToJsonString(),
            drive.Render(notebook).ToJsonString(),
        };
        drive.OmitCTag = true;
        data.Add(drive.Render(file).ToJsonString());
        drive.Delete(file.Id);
        data.Add(drive.Feed(0).Last().ToJsonString());
        data.Add("""{"id":"01SHORTCUT","name":"Genväg","eTag":"\"e\"","parentReference":{"driveId":"d1","id":"root-d1","path":"/drives/d1/root:/A%20B"},"remoteItem":{"id":"01OTHER","parentReference":{"driveId":"d2"}},"createdBy":{"user":{"displayName":"Anna Berg"}}}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(ItemsOfEveryKind))]
    public void Mapper_SelectedPropertiesOnly_SameEntryAsTheFullItem(string json)
    {
        var whole = DriveItemMapper.ToEntry(Parse(json));

        var selected = DriveItemMapper.ToEntry(Parse(FakeGraphServer.Selected(JsonNode.Parse(json)!.AsObject(), DeltaQuery.Select).ToJsonString()));

        Assert.Equal(whole, selected);
    }

    // Why each facet is in the $select: without "deleted" a deleted file looks live, without "folder" a folder
    // looks like a file, without "file" the quickXorHash is gone.
    [Theory]
    [InlineData("deleted")]
    [InlineData("folder")]
    [InlineData("file")]
    public void Mapper_SelectWithoutAFacet_LosesWhatTheScannerNeeds(string dropped)
    {
        var drive = new FakeDrive("d1");
        var folder = drive.AddFolder(null, "A");
        var file = drive.AddFile(folder.Id, "a.txt", "text");
        var json = dropped switch
        {
            "folder" => drive.Render(folder),
            "file" => drive.Render(file),
            _ => DeletedEntry(drive, file),
        };
        var fewer = string.Join(',', DeltaQuery.Select.Split(',').Where(p => p != dropped));

        var whole = DriveItemMapper.ToEntry(Parse(json.ToJsonString()));
        var narrowed = DriveItemMapper.ToEntry(Parse(FakeGraphServer.Selected(json, fewer).ToJsonString()));

        Assert.NotEqual(whole, narrowed);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/drives/b!x/root/delta", "https://graph.microsoft.com/v1.0/drives/b!x/root/delta?$select=" + DeltaQuery.Select)]
    [InlineData("https://graph.microsoft.com/v1.0/drives/b!x/root/delta?token=abc", "https://graph.microsoft.com/v1.0/drives/b!x/root/delta?token=abc&$select=" + DeltaQuery.Select)]
    [InlineData("https://graph.microsoft.com/v1.0/drives/b!x/root/delta(token='abc')", "https://graph.microsoft.com/v1.0/drives/b!x/root/delta(token='abc')?$select=" + DeltaQuery.Select)]
    public void WithSelect_LinkWithoutSelect_GetsOurs(string link, string expected)
    {
        Assert.Equal(expected, DeltaQuery.WithSelect(link));
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/me/drive/root/delta?$select=*%2csharepointIds&token=Mzsl")]
    [InlineData("https://graph.microsoft.com/v1.0/drives/b!x/root/delta?token=abc&%24select=id,name")]
    [InlineData("https://graph.microsoft.com/v1.0/drives/b!x/root/delta?token=abc&$select=" + DeltaQuery.Select)]
    public void WithSelect_LinkWithASelect_FollowedVerbatim(string link)
    {
        Assert.Equal(link, DeltaQuery.WithSelect(link));
    }

    private static JsonObject DeletedEntry(FakeDrive drive, FakeItem file)
    {
        drive.Delete(file.Id);
        return drive.Feed(0).Last();
    }

    private static DriveItem Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return new JsonParseNode(doc.RootElement.Clone()).GetObjectValue(DriveItem.CreateFromDiscriminatorValue)!;
    }
}
