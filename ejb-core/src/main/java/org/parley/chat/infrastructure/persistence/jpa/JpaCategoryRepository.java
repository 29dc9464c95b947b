package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.category.CategoryUri;

@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {

    @PersistenceContext(unitName = ChatPersistence.UNIT)
    EntityManager em;

    public JpaCategoryRepository() {
    }

    public JpaCategoryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Category> find(CategoryUri uri) {
        return em.createQuery("select c from Category c where c.guid = :guid", Category.class)
                .setParameter("guid", uri.guid())
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Category> findByName(String name) {
        return em.createQuery("select c from Category c where c.nameKey = :key", Category.class)
                .setParameter("key", Category.keyOf(name))
                .getResultStream().findFirst();
    }

    @Override
    public boolean nameInUse(String name) {
        return findByName(name).isPresent();
    }

    @Override
    public List<Category> all() {
        return em.createQuery("select c from Category c order by c.nameKey", Category.class).getResultList();
    }

    @Override
    public void remove(Category category) {
        em.remove(category);
    }

    @Override
    public void add(Category category) {
        em.persist(category);
    }

    @Override
    public void store(Category category) {
        // The category is managed; flushing is what makes Hibernate increment its version.
        em.flush();
    }
}
