package org.onlabel.common.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharedPrefixListTest {

    @Test
    void branchesNeverSeeEachOthersKeys() {
        SharedPrefixList root = SharedPrefixList.of("a");
        SharedPrefixList left = root.append("b").append("c");
        SharedPrefixList right = root.append("x");
        SharedPrefixList leftOfLeft = left.append("d");
        SharedPrefixList rightOfLeft = left.append("e");

        assertEquals(List.of("a"), root);
        assertEquals(List.of("a", "b", "c"), left);
        assertEquals(List.of("a", "x"), right);
        assertEquals(List.of("a", "b", "c", "d"), leftOfLeft);
        assertEquals(List.of("a", "b", "c", "e"), rightOfLeft);
        assertEquals(List.of("a", "b", "c").hashCode(), left.hashCode());
    }

    @Test
    void randomTreesEqualCopiedPaths() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<SharedPrefixList> shared = new ArrayList<>(List.of(SharedPrefixList.of("n0")));
            List<List<String>> copied = new ArrayList<>(List.of(List.of("n0")));
            for (int n = 1; n < 300; n++) {
                int parent = random.nextInt(shared.size());
                shared.add(shared.get(parent).append("n" + n));
                List<String> copy = new ArrayList<>(copied.get(parent));
                copy.add("n" + n);
                copied.add(copy);
            }
            assertEquals(copied, shared);
        }
    }

    @Test
    void isUnmodifiableAndBoundsChecked() {
        SharedPrefixList path = SharedPrefixList.of("a").append("b");
        assertThrows(UnsupportedOperationException.class, () -> path.add("c"));
        assertThrows(UnsupportedOperationException.class, () -> path.set(0, "z"));
        assertThrows(IndexOutOfBoundsException.class, () -> path.get(2));
        assertThrows(NullPointerException.class, () -> path.append(null));
        assertSame(path, SharedPrefixList.immutable(path));
        List<String> plain = new ArrayList<>(List.of("a"));
        List<String> copy = SharedPrefixList.immutable(plain);
        plain.add("b");
        assertEquals(List.of("a"), copy);
    }
}
