package org.parley.chat.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.chat.application.dto.PostedMessage;

/**
 * Group commit for posts that arrive on their own (a SIP client's grpchat): posts arriving while a transaction is
 * being written wait for it and go, together, into the next one, so that under load many posts share one
 * transaction, one lock per room and one commit, while a lone post is written at once, as before. A post is still
 * stored before it is answered: the caller returns once its post's transaction has committed.
 *
 * <p>No thread of its own: the first poster to find nobody writing writes everything waiting (at most
 * {@value #MAX_BATCH}); the others wait for the writing to end and find their post written, or write the next
 * batch themselves. This is the leader/follower group commit of database logs (MySQL's binary log, PostgreSQL's
 * {@code commit_delay}) without a delay: a batch is whatever arrived during the previous write.
 *
 * <p>A post the rules refuse fails alone ({@link PostService#postAll}). Anything else that fails a batch's
 * transaction (the store refusing a write) rolls all of it back; its posts are then written one by one, so that
 * only the post that fails is refused and every post answered is stored.
 */
@ApplicationScoped
public class PostWriter {

    private static final Logger LOG = Logger.getLogger(PostWriter.class.getName());

    /** Bounds a transaction's length, and so the wait of the posts behind it. */
    static final int MAX_BATCH = 128;

    @Inject
    PostService posts;

    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public PostWriter() {}

    PostWriter(PostService posts) {
        this.posts = posts;
    }

    /**
     * Stores the post in the next transaction and returns once it has committed; {@code request.stored()} and the
     * publication run on the committing thread, as for {@link PostService#post(PostRequest)}.
     *
     * @throws org.parley.chat.domain.shared.ChatException when the post is refused
     */
    public PostedMessage post(PostRequest request) {
        return written(queue(request));
    }

    /** The first half of {@link #post}: the post waits for the next transaction. */
    Waiting queue(PostRequest request) {
        Waiting post = new Waiting(request);
        waiting.add(post);
        return post;
    }

    /** The second half of {@link #post}: returns once the post's transaction has ended, writing it if need be. */
    PostedMessage written(Waiting post) {
        writing.lock();
        try {
            // Written by the previous writer, or now by this thread; more than one batch only behind a long queue.
            while (!post.done) {
                writeBatch();
            }
        } finally {
            writing.unlock();
        }
        if (post.failure != null) {
            throw post.failure;
        }
        return post.posted;
    }

    private void writeBatch() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.size() == 1) {
            batch.get(0).writeAlone(posts);
            return;
        }
        List<PostOutcome> outcomes;
        try {
            outcomes = posts.postAll(batch.stream().map(w -> w.request).toList());
        } catch (RuntimeException batchFailed) {
            LOG.log(Level.FINE, "a batch of " + batch.size() + " posts failed; writing them one by one", batchFailed);
            for (Waiting one : batch) {
                one.writeAlone(posts);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).settled(outcomes.get(i).posted(), outcomes.get(i).refusal());
        }
    }

    /** A post and, once its transaction has ended, what became of it; read by its poster under the same lock. */
    static final class Waiting {
        final PostRequest request;
        boolean done;
        PostedMessage posted;
        RuntimeException failure;

        Waiting(PostRequest request) {
            this.request = request;
        }

        void writeAlone(PostService posts) {
            try {
                settled(posts.post(request), null);
            } catch (RuntimeException refusedOrFailed) {
                settled(null, refusedOrFailed);
            }
        }

        void settled(PostedMessage posted, RuntimeException failure) {
            this.posted = posted;
            this.failure = failure;
            this.done = true;
        }
    }
}
