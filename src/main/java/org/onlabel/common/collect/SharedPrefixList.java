package org.onlabel.common.collect;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list of keys that shares its elements with the list it was extended from. Lineage paths are
 * such lists: the path to an ancestor is the path to its child plus one key, so copying every path would cost
 * depth² references for a chain (half a million for a 1,000-deep one, once per node and again per finding). Here a
 * chain's paths all share one array; a branch copies only the prefix it extends. Appending never changes what an
 * existing list holds, so lists may be read from any thread they were handed to (like any unmodifiable list).
 */
public final class SharedPrefixList extends AbstractList<String> implements RandomAccess {
    private final Backing backing;
    private final int size;

    private static final class Backing {
        private final String[] items;
        private int used;

        Backing(String[] items, int used) {
            this.items = items;
            this.used = used;
        }
    }

    private SharedPrefixList(Backing backing, int size) {
        this.backing = backing;
        this.size = size;
    }

    public static SharedPrefixList of(String first) {
        String[] items = new String[4];
        items[0] = Objects.requireNonNull(first);
        return new SharedPrefixList(new Backing(items, 1), 1);
    }

    /** This list followed by {@code key}; this list is unchanged. */
    public SharedPrefixList append(String key) {
        Objects.requireNonNull(key);
        synchronized (backing) {
            if (backing.used == size && size < backing.items.length) {
                backing.items[size] = key;
                backing.used++;
                return new SharedPrefixList(backing, size + 1);
            }
            String[] items = new String[Math.max(4, size * 2)];
            System.arraycopy(backing.items, 0, items, 0, size);
            items[size] = key;
            return new SharedPrefixList(new Backing(items, size + 1), size + 1);
        }
    }

    /** {@code list} itself when it is already a shared-prefix list (immutable), else an unmodifiable copy. */
    public static List<String> immutable(List<String> list) {
        return list instanceof SharedPrefixList ? list : List.copyOf(list);
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, size);
        return backing.items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
