/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-avatar"

#include "config.h"

#include "ladder-avatar.h"

/**
 * LadderAvatar:
 *
 * A person's initials on a coloured circle, drawn by libadwaita's own
 * style for avatars (the "avatar" node and its "colorN" classes) and
 * coloured from the text as AdwAvatar colours it.
 *
 * AdwAvatar fits each avatar's initials to its circle, which gives each
 * one a font size of its own: every avatar then loads and draws its
 * glyphs anew, and a screen of a team's cards spent more on twelve
 * avatars than on all the rest of their text. Here every avatar of a size
 * shares one font size, taken from the size alone.
 */

/* libadwaita's avatar palette: "color1" to "color14". */
#define N_COLOURS 14

struct _LadderAvatar
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
  GtkImage  *icon;
  char      *text;
  char      *initials;
  guint      colour;
  int        size;
};

G_DEFINE_FINAL_TYPE (LadderAvatar, ladder_avatar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The first letter of @text and the first after its last space,
 * upper-cased, as AdwAvatar takes them. */
static char *
initials_of (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  g_autofree char *normalized = g_utf8_normalize (g_strstrip (upper), -1, G_NORMALIZE_DEFAULT_COMPOSE);
  GString *initials = g_string_new (NULL);
  const char *last_space;

  if (normalized == NULL || *normalized == '\0')
    return g_string_free (initials, FALSE);

  g_string_append_unichar (initials, g_utf8_get_char (normalized));
  last_space = g_utf8_strrchr (normalized, -1, ' ');
  if (last_space != NULL && *g_utf8_next_char (last_space) != '\0')
    g_string_append_unichar (initials, g_utf8_get_char (g_utf8_next_char (last_space)));

  return g_string_free (initials, FALSE);
}

static void
update_font (LadderAvatar *self)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  /* Bold, at about the size AdwAvatar fits two letters to. */
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attributes, pango_attr_size_new_absolute ((int) (self->size * 0.41 * PANGO_SCALE)));
  gtk_label_set_attributes (self->label, attributes);
}

/* The colour and the initials of the text. */
static void
show_text (LadderAvatar *self)
{
  g_autofree char *old_class = g_strdup_printf ("color%u", self->colour);
  g_autofree char *new_class = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self), old_class);
  self->colour = g_str_hash (self->text) % N_COLOURS + 1;
  new_class = g_strdup_printf ("color%u", self->colour);
  gtk_widget_add_css_class (GTK_WIDGET (self), new_class);

  g_free (self->initials);
  self->initials = initials_of (self->text);
  gtk_label_set_label (self->label, self->initials);
  gtk_widget_set_visible (GTK_WIDGET (self->label), *self->initials != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->icon), *self->initials == '\0');
}

void
ladder_avatar_set_text (LadderAvatar *self,
                        const char   *text)
{
  g_return_if_fail (LADDER_IS_AVATAR (self));

  if (!g_set_str (&self->text, text != NULL ? text : ""))
    return;

  show_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
ladder_avatar_get_text (LadderAvatar *self)
{
  g_return_val_if_fail (LADDER_IS_AVATAR (self), NULL);

  return self->text;
}

const char *
ladder_avatar_get_initials (LadderAvatar *self)
{
  g_return_val_if_fail (LADDER_IS_AVATAR (self), NULL);

  return self->initials;
}

void
ladder_avatar_set_size (LadderAvatar *self,
                        int           size)
{
  g_return_if_fail (LADDER_IS_AVATAR (self));
  g_return_if_fail (size > 0);

  if (self->size == size)
    return;

  self->size = size;
  gtk_widget_set_size_request (GTK_WIDGET (self), size, size);
  gtk_image_set_pixel_size (self->icon, size / 2);
  update_font (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

int
ladder_avatar_get_size (LadderAvatar *self)
{
  g_return_val_if_fail (LADDER_IS_AVATAR (self), 0);

  return self->size;
}

static void
ladder_avatar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LadderAvatar *self = LADDER_AVATAR (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_avatar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LadderAvatar *self = LADDER_AVATAR (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      ladder_avatar_set_text (self, g_value_get_string (value));
      break;
    case PROP_SIZE:
      ladder_avatar_set_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_avatar_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_avatar_parent_class)->dispose (object);
}

static void
ladder_avatar_finalize (GObject *object)
{
  LadderAvatar *self = LADDER_AVATAR (object);

  g_free (self->text);
  g_free (self->initials);

  G_OBJECT_CLASS (ladder_avatar_parent_class)->finalize (object);
}

static void
ladder_avatar_class_init (LadderAvatarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ladder_avatar_get_property;
  object_class->set_property = ladder_avatar_set_property;
  object_class->dispose = ladder_avatar_dispose;
  object_class->finalize = ladder_avatar_finalize;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 1, G_MAXINT, 32,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The name is beside it wherever it shows: it says nothing more. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  gtk_widget_class_set_css_name (widget_class, "avatar");
}

static void
ladder_avatar_init (LadderAvatar *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("avatar-default-symbolic"));
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->text = g_strdup ("");
  show_text (self);
  ladder_avatar_set_size (self, 32);
}

GtkWidget *
ladder_avatar_new (int size)
{
  return g_object_new (LADDER_TYPE_AVATAR, "size", size, NULL);
}
