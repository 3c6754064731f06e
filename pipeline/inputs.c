#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where the walk is: the (dev, inode) of every folder already entered, and
 * of those on the current path from the root (to tell a loop from a folder
 * that is merely reached twice). Owned by b2j_inputs_collect. */
typedef struct {
  GHashTable *seen;    /* "dev:ino" -> path (owned keys and values) */
  GHashTable *on_path; /* "dev:ino" -> NULL (owned keys) */
  GHashTable *added;   /* path -> NULL (borrowed keys from out->paths) */
  b2j_inputs *out;
} walk_state;

bool b2j_sniff_pdf(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return false;
  char buf[1024];
  ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  return n >= 5 && memmem(buf, (size_t)n, "%PDF-", 5) != NULL;
}

static bool has_pdf_suffix(const char *name) {
  size_t n = strlen(name);
  return n >= 4 && g_ascii_strcasecmp(name + n - 4, ".pdf") == 0;
}

/* Files found in folders are added once however often they are reached; a
 * file named twice on the command line is read twice, as asked. */
static void add_path(walk_state *w, const char *path, bool named) {
  if (!named && g_hash_table_contains(w->added, path))
    return;
  char *p = g_strdup(path); /* owned by out->paths */
  g_ptr_array_add(w->out->paths, p);
  g_hash_table_add(w->added, p);
}

static char *dev_ino_key(const struct stat *st) {
  return g_strdup_printf("%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(walk_state *w, const char *dir, const struct stat *dst) {
  char *key = dev_ino_key(dst); /* owned here until handed to a table */
  if (g_hash_table_contains(w->on_path, key)) {
    g_ptr_array_add(w->out->notes,
                    g_strdup_printf("skipping '%s': symbolic link loop back to '%s'", dir,
                                    (char *)g_hash_table_lookup(w->seen, key)));
    g_free(key);
    return;
  }
  if (g_hash_table_contains(w->seen, key)) { /* reached twice, not a loop */
    g_free(key);
    return;
  }
  DIR *d = opendir(dir);
  if (!d) {
    g_ptr_array_add(w->out->notes,
                    g_strdup_printf("unable to read folder '%s': %s", dir, g_strerror(errno)));
    g_free(key);
    return;
  }
  g_hash_table_insert(w->seen, g_strdup(key), g_strdup(dir));
  g_hash_table_add(w->on_path, key); /* takes key */
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free); /* freed below */
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
      g_ptr_array_add(names, g_strdup(e->d_name));
  }
  closedir(d);
  if (names->len > 1) /* pdata is NULL while empty */
    qsort(names->pdata, names->len, sizeof(char *), cmp_str);
  for (guint i = 0; i < names->len; i++) {
    const char *name = g_ptr_array_index(names, i);
    char *path = g_build_filename(dir, name, NULL); /* freed below */
    struct stat st;
    if (stat(path, &st) != 0) {
      /* A dangling link or a file gone meanwhile: worth a word only when it
       * looks like one of ours. */
      if (has_pdf_suffix(name))
        add_path(w, path, false); /* the worker reports it as unreadable */
    } else if (S_ISDIR(st.st_mode)) {
      walk_dir(w, path, &st);
    } else if (S_ISREG(st.st_mode)) {
      if (has_pdf_suffix(name) || b2j_sniff_pdf(path))
        add_path(w, path, false);
    }
    g_free(path);
  }
  g_ptr_array_free(names, TRUE);
  char *k2 = dev_ino_key(dst);
  g_hash_table_remove(w->on_path, k2);
  g_free(k2);
}

static void add_arg(walk_state *w, const char *arg) {
  struct stat st;
  if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
    w->out->any_folder = true;
    /* Drop trailing slashes so paths read "dir/x.pdf", not "dir//x.pdf". */
    char *dir = g_strdup(arg); /* freed below */
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
      dir[--n] = '\0';
    guint before = w->out->paths->len;
    walk_dir(w, dir, &st);
    /* A folder with no PDF in it is accounted for as an input of its own:
     * the worker says it cannot be read as a PDF, nothing vanishes. */
    if (w->out->paths->len == before)
      add_path(w, dir, true);
    g_free(dir);
  } else {
    add_path(w, arg, true);
  }
}

void b2j_inputs_collect(char **args, int n_args, FILE *list, b2j_inputs *out) {
  out->paths = g_ptr_array_new_with_free_func(g_free);
  out->notes = g_ptr_array_new_with_free_func(g_free);
  out->any_folder = false;
  walk_state w = {
      .seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
      .on_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
      .added = g_hash_table_new(g_str_hash, g_str_equal),
      .out = out,
  };
  for (int i = 0; i < n_args; i++) {
    if (strcmp(args[i], "-") == 0 && list) {
      out->any_folder = true;
      char *line = NULL; /* getline's buffer, freed below */
      size_t cap = 0;
      ssize_t len;
      while ((len = getline(&line, &cap, list)) > 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
          line[--len] = '\0';
        if (len > 0)
          add_arg(&w, line);
      }
      free(line);
    } else {
      add_arg(&w, args[i]);
    }
  }
  g_hash_table_destroy(w.seen);
  g_hash_table_destroy(w.on_path);
  g_hash_table_destroy(w.added);
}

void b2j_inputs_clear(b2j_inputs *in) {
  if (in->paths)
    g_ptr_array_free(in->paths, TRUE);
  if (in->notes)
    g_ptr_array_free(in->notes, TRUE);
  in->paths = in->notes = NULL;
}
