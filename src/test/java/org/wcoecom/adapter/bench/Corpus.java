package org.wcoecom.adapter.bench;

import java.util.ArrayList;
import java.util.List;

/** A pre-generated set of distinct messages of one mix, cycled by scenarios that may repeat them. */
final class Corpus {

    private final List<CorpusGenerator.GeneratedMessage> messages;

    Corpus(CorpusGenerator generator, Mix mix, int count) {
        messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(generator.message(mix, i));
        }
    }

    CorpusGenerator.GeneratedMessage get(long i) {
        return messages.get((int) (i % messages.size()));
    }
}
