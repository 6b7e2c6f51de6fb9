/*
 * vm_fault.c: page fault handling.
 *
 * vm_fault(map, va, type) makes the page at va present with at least
 * the access `type' asks for, or says why it cannot:
 *
 *	1. Find the map entry; check its protection.
 *	2. Copy-on-write bookkeeping: an entry without an object gets an
 *	   anonymous one; a write to a NEEDS_COPY entry gives the entry a
 *	   shadow object of its own first (unless nobody else references
 *	   the object, in which case it simply becomes the entry's own).
 *	3. Walk from the entry's object (the first object) down the
 *	   backing chain: at each object, a resident page ends the walk;
 *	   so does a page the object's pager holds, which is read into a
 *	   new page of that object.  Where the chain ends with no page,
 *	   the first object gets a zero-filled page.
 *	4. A write to a page found behind the first object copies it into
 *	   the first object (copy-on-write).  A read maps the page found
 *	   read-only, so that a later write faults again and copies.
 *	5. Enter the translation, and try to collapse the first object's
 *	   chain if a copy was made.
 *
 * The rules that keep this safe across sleeps (allocation waits, pager
 * I/O, busy pages):
 *	1. The fault holds paging_in_progress on the first object, and on
 *	   the object it is currently looking at: collapse refuses to touch
 *	   either, so the stretch of chain between them cannot change, and
 *	   neither object can die.
 *	2. A page the fault works on is busy (PG_BUSY): nobody else maps,
 *	   frees or pages it out meanwhile.
 *	3. A page found busy means someone else is working on it: the fault
 *	   lets go of everything, sleeps until the page is released, and
 *	   starts over from step 1, since anything may have changed.
 *	4. Out of memory: let go of everything, wait (vm_wait), start over;
 *	   but give up if the process was killed meanwhile, so that a
 *	   process chosen by the out-of-memory killer can die.
 *	5. Only the process that owns the map changes it, so the entry
 *	   found in step 1 stays valid while the fault sleeps.
 */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <vm/vm.h>
#include <vm/vm_param.h>
#include <vm/vm_fault.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>

/* Drop what a fault holds: its busy page, and the paging counts. */
static void
vm_fault_release(struct vm_object *first_object, struct vm_object *object,
    struct vm_page *pg)
{

	if (pg != NULL) {
		if (pg->flags & PG_FAKE) {
			vm_page_free(pg);
		} else {
			vm_page_activate(pg);
			vm_page_wakeup(pg);
		}
	}
	if (object != first_object)
		vm_object_pip_wakeup(object);
	vm_object_pip_wakeup(first_object);
}

/*
 * Wait for memory.  Returns true if the process has been killed and the
 * fault should give up instead of trying again.
 */
static bool
vm_fault_wait(void)
{

	vm_wait();
	return (vm_wait_abandoned());
}

int
vm_fault(struct vm_map *map, vaddr_t vaddr, vm_prot_t fault_type)
{
	struct vm_map_entry *entry;
	struct vm_object *first_object, *object, *next;
	struct vm_page *pg, *copy;
	vm_pindex_t first_pindex, pindex;
	vm_prot_t prot;
	bool cow;
	int rv, len;

	vmcnt.v_faults++;
retry:
	/* 1. The entry. */
	if (!vm_map_lookup_entry(map, vaddr, &entry))
		return (KERN_INVALID_ADDRESS);
	if ((entry->protection & fault_type) != fault_type)
		return (KERN_PROTECTION_FAILURE);
	prot = entry->protection;

	/* 2. Copy-on-write bookkeeping. */
	if (entry->object == NULL) {
		entry->object = vm_object_allocate(atop(entry->end -
		    entry->start));
		entry->offset = 0;
		entry->eflags &= ~MAP_ENTRY_NEEDS_COPY;
	}
	if (entry->eflags & MAP_ENTRY_NEEDS_COPY) {
		if (fault_type & VM_PROT_WRITE) {
			object = entry->object;
			if ((object->flags & OBJ_INTERNAL) == 0 ||
			    object->ref_count > 1) {
				vm_object_shadow(&entry->object, &entry->offset,
				    entry->end - entry->start);
				/*
				 * Making the shadow may sleep, and the other
				 * sharers may go meanwhile: then the old object
				 * is the new one's alone, and nothing else will
				 * collapse it.
				 */
				if (object->ref_count == 1)
					vm_object_collapse(entry->object);
			}
			entry->eflags &= ~MAP_ENTRY_NEEDS_COPY;
		} else
			prot &= ~VM_PROT_WRITE;
	}
	first_object = entry->object;
	first_pindex = OFF_TO_IDX(entry->offset + (vaddr - entry->start));
	vm_object_pip_add(first_object, 1);

	/* 3. Walk the chain. */
	object = first_object;
	pindex = first_pindex;
	for (;;) {
		/*
		 * A file mapping may be longer than the file: a page wholly
		 * past its end is an error (SIGBUS), as in BSD.  Anonymous
		 * objects cover their windows; past one, there is nothing.
		 */
		if (pindex >= object->size) {
			if ((object->flags & OBJ_INTERNAL) == 0) {
				vm_fault_release(first_object, object, NULL);
				return (KERN_FAILURE);
			}
			goto zerofill;
		}
		pg = vm_page_lookup(object, pindex);
		if (pg != NULL) {
			if (pg->flags & PG_BUSY) {
				/* Sleep holding nothing; then start over. */
				vm_fault_release(first_object, object, NULL);
				vm_page_sleep(pg, "vmpfw");
				goto retry;
			}
			vm_page_busy(pg);
			break;
		}
		if (object->pgops != NULL && vm_pager_has_page(object, pindex)) {
			pg = vm_page_alloc(object, pindex, VM_ALLOC_NORMAL);
			if (pg == NULL) {
				vm_fault_release(first_object, object, NULL);
				if (vm_fault_wait())
					return (KERN_RESOURCE_SHORTAGE);
				goto retry;
			}
			pg->flags |= PG_FAKE;
			/*
			 * Sleeps for the disk.  paging_in_progress on
			 * first_object and object keeps vm_object_collapse
			 * off this stretch of the chain meanwhile (NOTES, "The
			 * protocol"), and pg is busy: nothing to re-check.
			 */
			rv = vm_pager_get_page(object, pg);
			if (rv == VM_PAGER_OK) {
				pg->flags &= ~PG_FAKE;
				vmcnt.v_pageins++;
				/* Killed while asleep (for kill-pagein). */
				if (vm_wait_abandoned())
					vmcnt.v_pagein_killed++;
				break;
			}
			vm_page_free(pg);
			if (rv != VM_PAGER_BAD) {
				vmcnt.v_pagein_errors++;
				vm_fault_release(first_object, object, NULL);
				return (KERN_FAILURE);
			}
			/* The pager no longer has it: look further down. */
		}
		next = object->backing_object;
		if (next == NULL) {
zerofill:
			/* The end of the chain: a zero page, up front. */
			if (object != first_object)
				vm_object_pip_wakeup(object);
			object = first_object;
			pindex = first_pindex;
			KASSERT(pindex < object->size, ("vm_fault: va %#x beyond "
			    "anonymous object %u", vaddr, object->id));
			pg = vm_page_alloc(object, pindex, VM_ALLOC_ZERO);
			if (pg == NULL) {
				vm_fault_release(first_object, object, NULL);
				if (vm_fault_wait())
					return (KERN_RESOURCE_SHORTAGE);
				goto retry;
			}
			pg->flags |= PG_DIRTY;
			vmcnt.v_zfod++;
			break;
		}
		vm_object_pip_add(next, 1);
		if (object != first_object)
			vm_object_pip_wakeup(object);
		pindex += OFF_TO_IDX(object->backing_offset);
		object = next;
	}

	/* 4. Copy-on-write. */
	cow = false;
	if (object != first_object) {
		if (fault_type & VM_PROT_WRITE) {
			copy = vm_page_alloc(first_object, first_pindex,
			    VM_ALLOC_NORMAL);
			if (copy == NULL) {
				vm_fault_release(first_object, object, pg);
				if (vm_fault_wait())
					return (KERN_RESOURCE_SHORTAGE);
				goto retry;
			}
			pmap_copy_page(pg, copy);
			copy->flags |= PG_DIRTY;
			vm_page_activate(pg);
			vm_page_wakeup(pg);
			vm_object_pip_wakeup(object);
			object = first_object;
			pg = copy;
			vmcnt.v_cow_faults++;
			cow = true;
		} else
			prot &= ~VM_PROT_WRITE;
	}

	/*
	 * A write dirties the page, which makes its pager's copy stale.  A
	 * clean page is mapped read-only, so that a write comes back here.
	 */
	if (fault_type & VM_PROT_WRITE)
		vm_page_dirty(pg);
	else if ((pg->flags & PG_DIRTY) == 0)
		prot &= ~VM_PROT_WRITE;

	/* 5. Map it. */
	if (pmap_enter(map->pmap, vaddr, pg, prot) != 0) {
		vm_fault_release(first_object, object, pg);
		if (vm_fault_wait())
			return (KERN_RESOURCE_SHORTAGE);
		goto retry;
	}
	pg->flags &= ~PG_ZERO;
	vm_page_activate(pg);
	vm_page_wakeup(pg);
	if (object != first_object)
		vm_object_pip_wakeup(object);
	vm_object_pip_wakeup(first_object);
	if (cow)
		vm_object_collapse(first_object);

	len = vm_object_chain_length(first_object);
	if ((u_int)len > vmobjstats.os_longest_chain)
		vmobjstats.os_longest_chain = len;
	return (KERN_SUCCESS);
}
