package cn.shoudi.policy;

import cn.shoudi.rules.table.TableSource;
import cn.shoudi.rules.table.WorkbookDump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Row-by-row and cell-by-cell difference between the workbooks of two versions. */
final class PolicyDiff {

    private PolicyDiff() {
    }

    /** One changed cell. */
    record CellChange(String sheet, String cell, int row, String kind, String before, String after) {
    }

    /** One workbook's changes: kind is added, removed, changed or unchanged; rows lists rows added/removed/changed. */
    record FileDiff(String file, String kind, Map<String, List<String>> rows, List<CellChange> cells) {
    }

    static List<FileDiff> between(List<TableSource> from, List<TableSource> to) {
        Map<String, byte[]> a = new LinkedHashMap<>();
        from.forEach(s -> a.put(s.fileName(), s.bytes()));
        Map<String, byte[]> b = new LinkedHashMap<>();
        to.forEach(s -> b.put(s.fileName(), s.bytes()));
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<FileDiff> out = new ArrayList<>();
        for (String name : names) {
            if (!a.containsKey(name)) {
                out.add(new FileDiff(name, "added", Map.of(), List.of()));
            } else if (!b.containsKey(name)) {
                out.add(new FileDiff(name, "removed", Map.of(), List.of()));
            } else if (java.util.Arrays.equals(a.get(name), b.get(name))) {
                out.add(new FileDiff(name, "unchanged", Map.of(), List.of()));
            } else {
                out.add(diff(name, WorkbookDump.cells(a.get(name)), WorkbookDump.cells(b.get(name))));
            }
        }
        return out;
    }

    private static FileDiff diff(String name, Map<String, Map<String, String>> a, Map<String, Map<String, String>> b) {
        List<CellChange> cells = new ArrayList<>();
        Map<String, Set<Integer>> rowsTouched = new LinkedHashMap<>();
        Set<String> sheets = new LinkedHashSet<>(a.keySet());
        sheets.addAll(b.keySet());
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String sheet : sheets) {
            Map<String, String> x = a.getOrDefault(sheet, Map.of());
            Map<String, String> y = b.getOrDefault(sheet, Map.of());
            Set<String> refs = new LinkedHashSet<>(x.keySet());
            refs.addAll(y.keySet());
            for (String ref : refs) {
                String before = x.get(ref);
                String after = y.get(ref);
                if (java.util.Objects.equals(before, after)) {
                    continue;
                }
                String kind = before == null ? "added" : after == null ? "removed" : "changed";
                int row = Integer.parseInt(ref.replaceAll("^[A-Z]+", ""));
                cells.add(new CellChange(sheet, ref, row, kind, before, after));
                rowsTouched.computeIfAbsent(sheet, k -> new TreeSet<>()).add(row);
            }
            for (int row : rowsTouched.getOrDefault(sheet, Set.of())) {
                boolean inBefore = x.keySet().stream().anyMatch(r -> rowOf(r) == row);
                boolean inAfter = y.keySet().stream().anyMatch(r -> rowOf(r) == row);
                String kind = !inBefore ? "added" : !inAfter ? "removed" : "changed";
                rows.computeIfAbsent(sheet, k -> new ArrayList<>()).add("第" + row + "行 " + kind);
            }
        }
        return new FileDiff(name, "changed", rows, cells);
    }

    private static int rowOf(String ref) {
        return Integer.parseInt(ref.replaceAll("^[A-Z]+", ""));
    }
}
