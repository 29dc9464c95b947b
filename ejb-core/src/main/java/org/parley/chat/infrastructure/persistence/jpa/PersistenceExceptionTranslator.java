package org.parley.chat.infrastructure.persistence.jpa;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.exception.ConstraintViolationException;
import org.parley.chat.domain.shared.ChatException;

/**
 * Makes the store's own refusals (a concurrent edit, a unique key taken by a concurrent insert) reach
 * callers as {@link ChatException}s like every other refusal. Flushes before the service returns, because
 * the container would otherwise flush at commit, after the service, and the caller would get an opaque
 * rolled-back-transaction error instead. A method that runs outside a transaction has nothing to flush, and one
 * whose transaction is already marked for rollback (an import's dry run) has nothing it could keep.
 */
public class PersistenceExceptionTranslator {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object flushAndTranslate(InvocationContext invocation) throws Exception {
        try {
            Object result = invocation.proceed();
            // A method outside any transaction (NOT_SUPPORTED: a run made of transactions of its own) has nothing to
            // flush, and may not.
            if (em.isJoinedToTransaction() && !transactions.getRollbackOnly()) {
                em.flush();
            }
            return result;
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    public static RuntimeException translate(PersistenceException e) {
        if (e instanceof OptimisticLockException) {
            return new ChatException(
                    ChatException.Reason.STALE_VERSION, "changed by someone else meanwhile; read it again and retry");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return ChatException.conflict("already exists (" + violation.getConstraintName() + ")");
            }
        }
        return e;
    }
}
