using SharpClaw.Core.Config;
using static SharpClaw.Core.Tests.Config.ConfigTestData;

namespace SharpClaw.Core.Tests.Config;

public sealed class MergePatchTests
{
    private static readonly string Base = "{ a: { b: 1, c: 2 }, list: [{ id: 'x', v: 1 }, { id: 'y', v: 2, tags: ['t1'] }], plain: [1, 2, 3], s: 'keep' }";

    [Fact]
    public void ObjectsMerge_NullDeletes_ScalarsReplace()
    {
        var r = MergePatch.Apply(J(Base), J("{ a: { c: null, d: 3 }, s: 'new', added: { deep: true } }"));
        Assert.Empty(r.RemovedArrayPaths);
        Assert.Equal("""{"a":{"b":1,"d":3},"list":[{"id":"x","v":1},{"id":"y","v":2,"tags":["t1"]}],"plain":[1,2,3],"s":"new","added":{"deep":true}}""", r.Merged.ToJsonString());
    }

    [Fact]
    public void ArraysOfObjectsWithId_MergeById()
    {
        var r = MergePatch.Apply(J(Base), J("{ list: [{ id: 'y', v: 20 }, { id: 'z', v: 3 }] }"));
        Assert.Empty(r.RemovedArrayPaths);
        Assert.Equal("""[{"id":"x","v":1},{"id":"y","v":20,"tags":["t1"]},{"id":"z","v":3}]""", r.Merged["list"]!.ToJsonString());
    }

    [Fact]
    public void ShrinkingAPlainArray_NeedsReplacePaths()
    {
        var refused = MergePatch.Apply(J(Base), J("{ plain: [1] }"));
        Assert.Equal(["plain"], refused.RemovedArrayPaths);
        var allowed = MergePatch.Apply(J(Base), J("{ plain: [1] }"), ["plain"]);
        Assert.Empty(allowed.RemovedArrayPaths);
        Assert.Equal("[1]", allowed.Merged["plain"]!.ToJsonString());
    }

    [Fact]
    public void ReplacingEntriesWithoutShrinking_IsStillARemoval()
    {
        var r = MergePatch.Apply(J(Base), J("{ plain: [3, 2, 9] }"));
        Assert.Equal(["plain"], r.RemovedArrayPaths);
        Assert.Empty(MergePatch.Apply(J(Base), J("{ plain: [3, 2, 1, 9] }")).RemovedArrayPaths);
    }

    [Fact]
    public void DeletingAnObjectThatHoldsAnArray_IsARemoval_UnlessReplaced()
    {
        Assert.Equal(["list[1].tags"], MergePatch.Apply(J(Base), J("{ list: [{ id: 'y', tags: null }] }")).RemovedArrayPaths);
        Assert.Equal(["plain"], MergePatch.Apply(J(Base), J("{ plain: null }")).RemovedArrayPaths);
        Assert.Empty(MergePatch.Apply(J(Base), J("{ plain: null }"), ["plain"]).RemovedArrayPaths);
    }

    [Fact]
    public void IdArrayInReplacePaths_IsReplacedWholesale()
    {
        var r = MergePatch.Apply(J(Base), J("{ list: [{ id: 'z' }] }"), ["list"]);
        Assert.Empty(r.RemovedArrayPaths);
        Assert.Equal("""[{"id":"z"}]""", r.Merged["list"]!.ToJsonString());
    }

    [Fact]
    public void PrototypeKeys_AreReportedAndNeverMerged()
    {
        var r = MergePatch.Apply(J(Base), J("{ '__proto__': { polluted: true }, a: { constructor: 1, prototype: { x: 1 } } }"));
        Assert.Equal(["__proto__", "a.constructor", "a.prototype"], r.ForbiddenKeyPaths);
        Assert.Null(r.Merged["__proto__"]);
        Assert.Null(r.Merged["a"]!["constructor"]);
    }

    [Fact]
    public void Input_IsNotModified()
    {
        var target = J(Base);
        var before = target.ToJsonString();
        _ = MergePatch.Apply(target, J("{ a: null, list: [{ id: 'x', v: 9 }] }"));
        Assert.Equal(before, target.ToJsonString());
    }

    [Fact]
    public void Diff_ListsChangedLeafPaths()
    {
        var before = J(Base);
        var after = MergePatch.Apply(before, J("{ a: { c: null, d: 3 }, list: [{ id: 'x', v: 5 }] }")).Merged;
        Assert.Equal(["a.c", "a.d", "list"], ConfigDiff.ChangedPaths(before, after));
        Assert.Empty(ConfigDiff.ChangedPaths(before, J(Base)));
    }
}
