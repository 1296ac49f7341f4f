using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.State;
using ClassScan.TestSupport.Engines;
using Xunit;

namespace ClassScan.TestSupport.State;

/// <summary>
/// What every state engine must do, written against the ports only (<see cref="IScanStateStore"/>): subclass it once
/// per engine (SQLite, PostgreSQL) and return a fresh, empty store from <see cref="CreateStore"/>. Each test opens one
/// store and disposes it; the subclass cleans up files or databases in its own Dispose. Tests are [ContractFact]s, so a
/// subclass whose engine is missing here (<see cref="EngineRequirementAttribute"/>) reports them as not run.
/// </summary>
public abstract class StateStoreContract
{
    /// <summary>The Graph drive most tests use; its label prefixes paths in reports.</summary>
    protected const string Drive = "d1";
    private const string Label = "Dokument";

    /// <summary>A fresh, empty store (no scopes, items or runs). Called once per test.</summary>
    protected abstract IScanStateStore CreateStore();

    // ---- verdicts --------------------------------------------------------------------------------------------

    [ContractFact]
    public void RecordVerdict_FailedReread_KeepsFlagAndAsksForRetry()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a/rapport.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("i1", "a/rapport.docx"), Failed("i1"), run);

        var item = Item(store, "i1");
        Assert.True(item.Flagged); // a throttling storm must not clear a flag
        Assert.Equal("error", item.Status);
        Assert.True(item.Retry);
        Assert.Equal(1, store.CountFlagged(ScopeSet.Of([Drive])));
    }

    [ContractFact]
    public void RecordVerdict_SuccessfulRereadBelowLevelTwo_ClearsFlag()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a/rapport.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("i1", "a/rapport.docx"), Verdict("i1", KlassaLevel.Intern), run);

        var item = Item(store, "i1");
        Assert.False(item.Flagged);
        Assert.Equal(1, item.Level);
        Assert.False(item.Retry);
        Assert.Equal(0, store.CountFlagged(ScopeSet.Of([Drive])));
    }

    [ContractFact]
    public void RecordVerdict_EachVerdict_AddsOneToJudgedCount()
    {
        using var store = Open(out var run);
        for (var i = 0; i < 3; i++) store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Intern), run);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Intern), run);
        store.MarkUnchanged([Listing("i1", "a.docx")]);

        Assert.Equal(3, Item(store, "i1").JudgedCount); // an unchanged mark is not a judging
        Assert.Equal(1, Item(store, "i2").JudgedCount);
    }

    [ContractFact]
    public void RecordVerdict_ItemFoundGone_RecordedDeletedWithoutFlagOrRetry()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        var gone = Listing("i1", "a.docx");
        gone.Gone = true;
        store.RecordVerdict(gone, Failed("i1"), run);

        var item = Item(store, "i1");
        Assert.True(item.Deleted);
        Assert.False(item.Flagged);
        Assert.False(item.Retry);
        Assert.Empty(store.GetRetryItems(Drive));
    }

    [ContractFact]
    public void GetRetryItems_FetchFailureAndParserFailure_OnlyFetchFailureRetried()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Failed("i1"), run);
        store.RecordVerdict(Listing("i2", "b.docx"), Failed("i2") with { Extractor = "docx" }, run); // the parser failed: a retry reads the same bytes
        store.RecordVerdict(Listing("i3", "c.docx") with { RetryOnError = false }, Failed("i3"), run);

        Assert.Equal(["i1"], store.GetRetryItems(Drive).Select(r => r.ItemId));
    }

    // ---- the change filter's lookups -------------------------------------------------------------------------

    [ContractFact]
    public void GetItems_BatchWithUnknownIds_ReturnsOnlyKnownOnes()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Intern), run);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Intern), run);

        var found = store.GetItems(Drive, ["i1", "i2", "nope"]);

        Assert.Equal(["i1", "i2"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("b.docx", found["i2"].Path);
        Assert.Empty(store.GetItems("other-drive", ["i1"]));
        Assert.Empty(store.GetItems(Drive, []));
    }

    [ContractFact]
    public void MarkUnchanged_KnownItem_RefreshesLocationKeepsVerdictDropsStagingRow()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a/old.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.StartFeed(Drive, "https://graph/delta", full: false);
        store.SaveFeedPage(Drive, [Entry("i1", FeedEntryKind.File, "new.docx")], null, "https://graph/delta?token=1");

        store.MarkUnchanged([Listing("i1", "b/new.docx") with { FromFeed = true }, Listing("never-judged", "x.docx")]);

        var item = Item(store, "i1");
        Assert.Equal("b/new.docx", item.Path);
        Assert.True(item.Flagged);
        Assert.Equal(2, item.Level);
        Assert.Empty(store.ReadFeed(Drive, [FeedEntryKind.File], 0, 10));
        Assert.False(store.GetItems(Drive, ["never-judged"]).ContainsKey("never-judged")); // a mark creates no item
    }

    // ---- feed staging and delta cursors ----------------------------------------------------------------------

    [ContractFact]
    public void ReadFeed_PagedBySeq_ReturnsEntriesInArrivalOrderOfTheKindsAsked()
    {
        using var store = Open(out _);
        store.StartFeed(Drive, "https://graph/delta", full: true);
        store.SaveFeedPage(Drive, [Entry("f1", FeedEntryKind.File), Entry("dir", FeedEntryKind.Folder), Entry("f2", FeedEntryKind.File)], "https://graph/next", null);
        store.SaveFeedPage(Drive, [Entry("f3", FeedEntryKind.File), Entry("f4", FeedEntryKind.File)], null, "https://graph/delta?token=1");

        var first = store.ReadFeed(Drive, [FeedEntryKind.File], 0, 2);
        var second = store.ReadFeed(Drive, [FeedEntryKind.File], first[^1].Seq, 2);
        var third = store.ReadFeed(Drive, [FeedEntryKind.File], second[^1].Seq, 2);

        Assert.Equal(["f1", "f2"], first.Select(e => e.ItemId));
        Assert.Equal(["f3", "f4"], second.Select(e => e.ItemId));
        Assert.Empty(third);
        Assert.Equal(["dir"], store.ReadFeed(Drive, [FeedEntryKind.Folder], 0, 10).Select(e => e.ItemId));
        Assert.True(first[0].Seq < first[1].Seq && first[1].Seq < second[0].Seq);
    }

    [ContractFact]
    public void SaveFeedPage_SameItemTwice_LastEntryWins()
    {
        using var store = Open(out _);
        store.StartFeed(Drive, "https://graph/delta", full: false);
        store.SaveFeedPage(Drive, [Entry("f1", FeedEntryKind.File, "first.docx"), Entry("f2", FeedEntryKind.File)], "https://graph/next", null);
        store.SaveFeedPage(Drive, [Entry("f1", FeedEntryKind.File, "second.docx")], null, "https://graph/delta?token=1");

        var staged = store.ReadFeed(Drive, [FeedEntryKind.File], 0, 10);

        Assert.Equal(["f2", "f1"], staged.Select(e => e.ItemId)); // the later entry also takes the later place
        Assert.Equal("second.docx", staged.Single(e => e.ItemId == "f1").Name);
    }

    [ContractFact]
    public void GetCursor_FeedInProgress_ResumesFromSavedPageUntilFinal()
    {
        using var store = Open(out _);
        Assert.Equal(new DeltaCursor(Drive, null, null, null, false, false), store.GetCursor(Drive));

        store.StartFeed(Drive, "https://graph/delta", full: true);
        store.SaveFeedPage(Drive, [Entry("f1", FeedEntryKind.File)], "https://graph/next", null);
        var midway = store.GetCursor(Drive);
        store.SaveFeedPage(Drive, [], null, "https://graph/delta?token=1");
        var complete = store.GetCursor(Drive);

        Assert.Equal(new DeltaCursor(Drive, null, "https://graph/next", null, true, true), midway);
        Assert.Equal("https://graph/delta?token=1", complete.FeedFinal);
        Assert.Null(complete.FeedNext);
        Assert.Null(complete.DeltaLink); // not committed until every item is judged
    }

    [ContractFact]
    public void CommitDelta_CompleteFeed_BecomesDeltaLinkAndClearsStaging()
    {
        using var store = Open(out _);
        store.StartFeed(Drive, "https://graph/delta", full: true);
        store.SaveFeedPage(Drive, [Entry("f1", FeedEntryKind.File)], null, "https://graph/delta?token=1");

        store.CommitDelta(Drive);

        Assert.Equal(new DeltaCursor(Drive, "https://graph/delta?token=1", null, null, false, false), store.GetCursor(Drive));
        Assert.Empty(store.ReadFeed(Drive, [FeedEntryKind.File], 0, 10));
    }

    [ContractFact]
    public void CommitDelta_FeedNotComplete_KeepsCommittedLink()
    {
        using var store = Open(out _);
        store.StartFeed(Drive, "https://graph/delta", full: true);
        store.SaveFeedPage(Drive, [], null, "https://graph/delta?token=1");
        store.CommitDelta(Drive);
        store.StartFeed(Drive, "https://graph/delta?token=1", full: false);
        store.SaveFeedPage(Drive, [Entry("f1", FeedEntryKind.File)], "https://graph/next", null);

        store.CommitDelta(Drive); // a stopped run: the feed has no final link yet

        Assert.Equal("https://graph/delta?token=1", store.GetCursor(Drive).DeltaLink);
    }

    [ContractFact]
    public void StartFeed_AfterStoppedFeed_DropsWhatWasStaged()
    {
        using var store = Open(out _);
        store.StartFeed(Drive, "https://graph/delta", full: true);
        store.SaveFeedPage(Drive, [Entry("f1", FeedEntryKind.File)], "https://graph/next", null);

        store.StartFeed(Drive, "https://graph/delta", full: false);

        Assert.Empty(store.ReadFeed(Drive, [FeedEntryKind.File], 0, 10));
        Assert.Equal(new DeltaCursor(Drive, null, "https://graph/delta", null, false, true), store.GetCursor(Drive));
    }

    [ContractFact]
    public void SaveFeedPage_LastPageOfFullFeed_MarksItemsItLacksDeleted()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("kept", "a.docx"), Verdict("kept", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("gone", "b.docx"), Verdict("gone", KlassaLevel.Konfidentiell), run);

        store.StartFeed(Drive, "https://graph/delta", full: true);
        store.SaveFeedPage(Drive, [Entry("kept", FeedEntryKind.File)], null, "https://graph/delta?token=1");

        Assert.False(Item(store, "kept").Deleted);
        Assert.True(Item(store, "gone").Deleted);
        Assert.False(Item(store, "gone").Flagged);
    }

    [ContractFact]
    public void SaveFeedPage_LastPageOfDeltaFeed_KeepsItemsItLacks()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("quiet", "a.docx"), Verdict("quiet", KlassaLevel.Konfidentiell), run);

        store.StartFeed(Drive, "https://graph/delta?token=0", full: false);
        store.SaveFeedPage(Drive, [], null, "https://graph/delta?token=1");

        Assert.False(Item(store, "quiet").Deleted);
    }

    // ---- folder tree and deletions ---------------------------------------------------------------------------

    [ContractFact]
    public void ApplyNode_FolderRenamed_ItemsAndFoldersUnderItFollow()
    {
        using var store = Open(out var run);
        store.ApplyNode(Drive, Entry("dir", FeedEntryKind.Folder, "Gammal"), "Gammal", removeEntry: false);
        store.ApplyNode(Drive, Entry("sub", FeedEntryKind.Folder, "Under") with { ParentId = "dir" }, "Gammal/Under", removeEntry: false);
        store.RecordVerdict(Listing("f1", "Gammal/Under/a.docx"), Verdict("f1", KlassaLevel.Intern), run);
        store.RecordVerdict(Listing("f2", "Gammalt.docx"), Verdict("f2", KlassaLevel.Intern), run); // shares the prefix, not the folder

        store.ApplyNode(Drive, Entry("dir", FeedEntryKind.Folder, "Ny"), "Ny", removeEntry: false);

        Assert.Equal("Ny", store.GetNode(Drive, "dir")?.Path);
        Assert.Equal("Ny/Under", store.GetNode(Drive, "sub")?.Path);
        Assert.Equal("Ny/Under/a.docx", Item(store, "f1").Path);
        Assert.Equal("Gammalt.docx", Item(store, "f2").Path);
        Assert.Null(store.GetNode(Drive, "nope"));
    }

    [ContractFact]
    public void ApplyDeleted_FolderWithFlaggedFile_EverythingUnderItDeletedAndUnflagged()
    {
        using var store = Open(out var run);
        store.ApplyNode(Drive, Entry("dir", FeedEntryKind.Folder, "Mapp"), "Mapp", removeEntry: false);
        store.RecordVerdict(Listing("f1", "Mapp/a.docx") with { ParentId = "dir" }, Verdict("f1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("f2", "Annan/b.docx"), Verdict("f2", KlassaLevel.Konfidentiell), run);

        var marked = store.ApplyDeleted(Drive, "dir", "borttagen");

        Assert.Equal(1, marked);
        Assert.True(Item(store, "f1").Deleted);
        Assert.False(Item(store, "f1").Flagged);
        Assert.False(Item(store, "f2").Deleted);
        Assert.Null(store.GetNode(Drive, "dir"));
        Assert.Equal(1, store.CountFlagged(ScopeSet.Of([Drive])));
    }

    [ContractFact]
    public void MarkMissing_CompleteListing_DeletesUnseenExceptUnderUnlistedFolders()
    {
        using var store = Open(out var run, "local:/in", ScopeRecord.LocalKind);
        foreach (var path in new[] { "/in/kept.txt", "/in/gone.txt", "/in/locked/x.txt" })
            store.RecordVerdict(Listing(path, path, "local:/in"), Verdict(path, KlassaLevel.Konfidentiell, "local:/in"), run);

        var marked = store.MarkMissing("local:/in", new HashSet<string>(["/in/kept.txt"]), ["/in/locked"], "finns inte längre");

        Assert.Equal(1, marked);
        Assert.True(store.GetItems("local:/in", ["/in/gone.txt"])["/in/gone.txt"].Deleted);
        Assert.False(store.GetItems("local:/in", ["/in/locked/x.txt"])["/in/locked/x.txt"].Deleted);
        Assert.Equal(2, store.CountFlagged(ScopeSet.Of(["local:/in"])));
    }

    // ---- the "previous run" query ----------------------------------------------------------------------------

    [ContractFact]
    public void GetChanges_FirstRun_FlaggedFilesAreNew()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Intern), run);

        var change = Assert.Single(store.GetChanges(ScopeSet.Of([Drive]), run));

        Assert.Equal((FlagChangeKind.NewlyFlagged, "new", Label + "/a.docx"), (change.Kind, change.Why, change.Path));
        Assert.Equal(store.ReportIds.Of(ScopeRecord.SourceItemId(ScopeRecord.GraphDriveKind, Drive, "i1")), change.ReportId);
    }

    [ContractFact]
    public void GetChanges_AfterAccept_UnchangedAndRescannedStillFlagged()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Konfidentiell), run);
        store.AcceptChanges(ScopeSet.Of([Drive]));
        var next = store.BeginRun("graph", null);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Konfidentiell), next);

        var changes = store.GetChanges(ScopeSet.Of([Drive]), next);

        Assert.Equal([(FlagChangeKind.StillFlagged, "unchanged"), (FlagChangeKind.StillFlagged, "rescanned")], changes.Select(c => (c.Kind, c.Why)));
    }

    [ContractFact]
    public void GetChanges_FlaggedFileRenamed_StillFlaggedRenamedWithPreviousPath()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "gammal.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.AcceptChanges(ScopeSet.Of([Drive]));
        store.MarkUnchanged([Listing("i1", "ny.docx")]);

        var change = Assert.Single(store.GetChanges(ScopeSet.Of([Drive]), store.BeginRun("graph", null)));

        Assert.Equal((FlagChangeKind.StillFlagged, "renamed", Label + "/ny.docx", Label + "/gammal.docx"), (change.Kind, change.Why, change.Path, change.PreviousPath));
    }

    [ContractFact]
    public void GetChanges_ReportedFileNowFlagged_NewlyFlaggedChanged()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Intern), run);
        store.AcceptChanges(ScopeSet.Of([Drive]));
        var next = store.BeginRun("graph", null);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.StriktKonfidentiell), next);

        var change = Assert.Single(store.GetChanges(ScopeSet.Of([Drive]), next));

        Assert.Equal((FlagChangeKind.NewlyFlagged, "changed", 3), (change.Kind, change.Why, change.Level));
    }

    [ContractFact]
    public void GetChanges_FlaggedFileDeletedAndSameContentNewElsewhere_MovedAndMovedIn()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "gammal/a.docx", qxHash: "QXH1"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.AcceptChanges(ScopeSet.Of([Drive]));
        var next = store.BeginRun("graph", null);
        store.ApplyDeleted(Drive, "i1", "borttagen");
        store.RecordVerdict(Listing("i9", "ny/a.docx", qxHash: "QXH1"), Verdict("i9", KlassaLevel.Konfidentiell), next);

        var changes = store.GetChanges(ScopeSet.Of([Drive]), next);

        Assert.Equal([(FlagChangeKind.NewlyFlagged, "moved-in", Label + "/ny/a.docx"), (FlagChangeKind.NoLongerFlagged, "moved", Label + "/gammal/a.docx")],
            changes.Select(c => (c.Kind, c.Why, c.Path)));
        Assert.Equal(Label + "/gammal/a.docx", changes[0].PreviousPath);
    }

    [ContractFact]
    public void GetChanges_FlaggedFileDeletedWithoutCopy_NoLongerFlaggedDeleted()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx", qxHash: "QXH1"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.AcceptChanges(ScopeSet.Of([Drive]));
        store.ApplyDeleted(Drive, "i1", "borttagen i OneDrive/SharePoint");

        var change = Assert.Single(store.GetChanges(ScopeSet.Of([Drive]), store.BeginRun("graph", null)));

        Assert.Equal((FlagChangeKind.NoLongerFlagged, "deleted", "borttagen i OneDrive/SharePoint"), (change.Kind, change.Why, change.Detail));
    }

    [ContractFact]
    public void GetChanges_FlaggedFileNowBelowLevelTwo_NoLongerFlaggedCleaned()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.AcceptChanges(ScopeSet.Of([Drive]));
        var next = store.BeginRun("graph", null);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Intern), next);

        var change = Assert.Single(store.GetChanges(ScopeSet.Of([Drive]), next));

        Assert.Equal((FlagChangeKind.NoLongerFlagged, "cleaned", 1, 2), (change.Kind, change.Why, change.Level, change.PreviousLevel));
    }

    [ContractFact]
    public void AcceptChanges_MovesBaselineAndForgetsDeletedItems()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Konfidentiell), run);
        store.AcceptChanges(ScopeSet.Of([Drive]));
        store.ApplyDeleted(Drive, "i2", "borttagen");

        store.AcceptChanges(ScopeSet.Of([Drive]));
        var changes = store.GetChanges(ScopeSet.Of([Drive]), store.BeginRun("graph", null));

        Assert.Equal([(FlagChangeKind.StillFlagged, "unchanged")], changes.Select(c => (c.Kind, c.Why)));
        Assert.Empty(store.GetItems(Drive, ["i2"]));
    }

    [ContractFact]
    public void GetChanges_ScopeSets_AllCoversEveryScopeOfCoversOnlyThose()
    {
        using var store = Open(out var run);
        store.UpsertScope(new ScopeRecord("d2", ScopeRecord.GraphDriveKind, "Andra", null), run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("i2", "b.docx", scope: "d2"), Verdict("i2", KlassaLevel.Konfidentiell, "d2"), run);

        Assert.Equal(["Andra/b.docx", Label + "/a.docx"], store.GetChanges(ScopeSet.All, run).Select(c => c.Path));
        Assert.Equal(["Andra/b.docx"], store.GetChanges(ScopeSet.Of(["d2"]), run).Select(c => c.Path));
        Assert.Empty(store.GetChanges(ScopeSet.Of([]), run));
        Assert.Equal(2, store.CountFlagged(ScopeSet.All));

        store.AcceptChanges(ScopeSet.Of(["d2"]));
        Assert.Equal([FlagChangeKind.NewlyFlagged, FlagChangeKind.StillFlagged], store.GetChanges(ScopeSet.All, run).Select(c => c.Kind));
    }

    // ---- results for the reports -----------------------------------------------------------------------------

    [ContractFact]
    public void GetCarriedResults_EarlierVerdicts_CarriedUnderLabelExceptThisRunsAndDeleted()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Intern), run);
        store.RecordVerdict(Listing("i3", "c.docx"), Verdict("i3", KlassaLevel.Intern), run);
        store.ApplyDeleted(Drive, "i3", "borttagen");
        var next = store.BeginRun("graph", null);
        store.RecordVerdict(Listing("i2", "b.docx"), Verdict("i2", KlassaLevel.Intern), next);

        var carried = Assert.Single(store.GetCarriedResults(ScopeSet.Of([Drive]), next));

        Assert.Equal((Drive + "/i1", Label + "/a.docx", ScanStatus.Ok, KlassaLevel.Konfidentiell), (carried.Item.Id, carried.Item.Path, carried.Status, carried.Classification?.Level));
        Assert.True(carried.MustLeave);
        Assert.Equal(store.ReportIds.Of(Drive + "/i1"), carried.Item.ReportId);
        Assert.Equal(2, store.GetCarriedResults(ScopeSet.All, 0).Count()); // 0: every live judged item, for a tenant-wide report
    }

    [ContractFact]
    public void GetCarriedResults_MorePagesThanOneRead_EveryItemOnceInOrder()
    {
        // More rows than one page read (2,000), with a run of equal paths across the page boundary, so the keyset
        // must go on by item id there, and a row without a path.
        using var store = Open(out var run);
        var ids = Enumerable.Range(0, 2050).Select(i => "i" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            var n = int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture);
            var path = n is >= 1990 and < 2010 ? "samma.docx" : "f" + id + ".docx";
            store.RecordVerdict(Listing(id, path), Verdict(id, KlassaLevel.Intern), run);
        }

        var carried = store.GetCarriedResults(ScopeSet.All, 0).Select(r => r.Item.Id).ToList();

        Assert.Equal(ids.Count, carried.Count);
        Assert.Equal(ids.Select(i => Drive + "/" + i).Order(StringComparer.Ordinal), carried.Order(StringComparer.Ordinal));
        Assert.Equal(carried.Count, carried.Distinct(StringComparer.Ordinal).Count());
    }

    [ContractFact]
    public void FindReported_KnownAndUnknownIds_FindsOnlyTheKnownOne()
    {
        using var store = Open(out var run);
        store.RecordVerdict(Listing("i1", "mapp/a.docx"), Verdict("i1", KlassaLevel.Konfidentiell), run);
        var id = store.ReportIds.Of(Drive + "/i1");

        var found = store.FindReported(id.ToUpperInvariant());

        Assert.NotNull(found);
        Assert.Equal((Drive, Label + "/mapp/a.docx", 2, false), (found.Scope, found.Path, found.Level, found.Deleted));
        Assert.Null(store.FindReported(store.ReportIds.Of(Drive + "/never")));
    }

    // ---- runs and scopes -------------------------------------------------------------------------------------

    [ContractFact]
    public void FinishRun_Totals_ReadBackNewestFirst()
    {
        using var store = CreateStore();
        var first = store.BeginRun("local", "/in");
        var second = store.BeginRun("graph", null);
        store.FinishRun(first, new RunRecord { Complete = true, Files = 7, MustLeave = 2, Listed = 9, Unchanged = 2, Requests = 0 });

        var runs = store.GetRuns(10);

        Assert.True(second > first);
        Assert.Equal([second, first], runs.Select(r => r.Id));
        Assert.Equal(("local", "/in", true, 7L, 2L, 9L, 2L), (runs[1].Source, runs[1].Description, runs[1].Complete, runs[1].Files, runs[1].MustLeave, runs[1].Listed, runs[1].Unchanged));
        Assert.NotNull(runs[1].FinishedAt);
        Assert.Null(runs[0].FinishedAt);
        Assert.Single(store.GetRuns(1));
    }

    [ContractFact]
    public void UpsertScope_NullLabelLater_KeepsStoredLabel()
    {
        using var store = CreateStore();
        var run = store.BeginRun("graph", null);
        store.UpsertScope(new ScopeRecord("d2", ScopeRecord.GraphDriveKind, "Andra", "https://sp/andra"), run);
        store.UpsertScope(new ScopeRecord("d1", ScopeRecord.GraphDriveKind, "Första", null), run);
        var later = store.BeginRun("graph", null);
        store.UpsertScope(new ScopeRecord("d2", ScopeRecord.GraphDriveKind, null, null), later);

        var scopes = store.GetScopes();

        Assert.Equal([new ScopeRecord("d1", ScopeRecord.GraphDriveKind, "Första", null) { LastRunId = run },
            new ScopeRecord("d2", ScopeRecord.GraphDriveKind, "Andra", "https://sp/andra") { LastRunId = later }], scopes);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /// <summary>A fresh store with one run and one scope registered (a Graph drive unless said otherwise).</summary>
    private IScanStateStore Open(out long runId, string scope = Drive, string kind = ScopeRecord.GraphDriveKind)
    {
        var store = CreateStore();
        runId = store.BeginRun("graph", null);
        store.UpsertScope(new ScopeRecord(scope, kind, kind == ScopeRecord.GraphDriveKind ? Label : null, null), runId);
        return store;
    }

    private static ItemRecord Item(IScanStateStore store, string itemId, string scope = Drive) =>
        store.GetItems(scope, [itemId]).TryGetValue(itemId, out var item) ? item : throw new Xunit.Sdk.XunitException($"{itemId} is not in the state");

    private static TrackedItem Listing(string itemId, string path, string scope = Drive, string? qxHash = null) => new()
    {
        Scope = scope,
        ItemId = itemId,
        Name = System.IO.Path.GetFileName(path),
        Path = path,
        Fingerprint = new ItemFingerprint(CTag: "c-" + itemId, QuickXorHash: qxHash, Size: 100, LastModified: DateTimeOffset.UnixEpoch),
    };

    private static FeedEntry Entry(string itemId, FeedEntryKind kind, string? name = null) => new()
    {
        ItemId = itemId,
        Kind = kind,
        Name = name ?? itemId,
        Fingerprint = new ItemFingerprint(CTag: "c-" + itemId, Size: 100),
    };

    private static SourceItem Source(string itemId, string scope) =>
        new(scope.StartsWith("local:", StringComparison.Ordinal) ? itemId : scope + "/" + itemId, itemId, 100, DateTimeOffset.UnixEpoch);

    private static ScanResult Verdict(string itemId, KlassaLevel level, string scope = Drive) => new()
    {
        Item = Source(itemId, scope),
        Status = ScanStatus.Ok,
        Classification = new ClassificationResult(level, level >= KlassaLevel.Konfidentiell ? "personnummer med hälsouppgift" : "inga känsliga uppgifter", "R" + (int)level),
        Bytes = 100,
        Extractor = "docx",
    };

    /// <summary>A fetch that failed before any parser saw the file (download cut, throttled out).</summary>
    private static ScanResult Failed(string itemId, string scope = Drive) => new()
    {
        Item = Source(itemId, scope),
        Status = ScanStatus.Error,
        StatusDetail = "nedladdningen avbröts",
    };
}
