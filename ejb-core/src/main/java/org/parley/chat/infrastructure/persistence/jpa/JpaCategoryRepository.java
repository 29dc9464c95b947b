package org.parley.chat.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.parley.chat.domain.model.category.Category;
import org.parley.chat.domain.model.category.CategoryRepository;
import org.parley.chat.domain.model.category.CategoryUri;

@ApplicationScoped
public class JpaCategoryRepository extends JpaRepository<Category> implements CategoryRepository {

    public JpaCategoryRepository() {
        super(Category.class);
    }

    public JpaCategoryRepository(EntityManager em) {
        super(Category.class, em);
    }

    @Override
    public Optional<Category> find(CategoryUri uri) {
        return byGuid(uri.guid());
    }

    @Override
    public Optional<Category> findByName(String name) {
        return byName(name);
    }

    @Override
    public boolean nameInUse(String name) {
        return findByName(name).isPresent();
    }

    @Override
    public List<Category> all() {
        return em.createQuery("select c from Category c order by c.name.key", Category.class)
                .getResultList();
    }

    @Override
    public void remove(Category category) {
        em.remove(category);
    }

    @Override
    public void store(Category category) {
        // The category is managed; flushing is what makes Hibernate increment its version.
        em.flush();
    }
}
