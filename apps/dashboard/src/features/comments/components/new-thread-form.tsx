import { type CommentSubject, usePostComment } from "@kehoach/client/comments";
import { COMMENT_KINDS, type CommentKind } from "@kehoach/core/board/schema";
import { useId, useState } from "react";
import { useCommentsI18n } from "../lib/i18n";
import { TextForm } from "./text-form";

/** The overseer's form: a comment (Góp ý) or a revision request (Yêu cầu chỉnh sửa) to the commune. */
export function NewThreadForm({
  subject,
  communeId,
  onSent,
}: {
  subject: CommentSubject;
  communeId: string;
  onSent: (message: string) => void;
}) {
  const { ct } = useCommentsI18n();
  const post = usePostComment(subject, communeId);
  const [kind, setKind] = useState<CommentKind>("comment");
  const id = useId();

  return (
    <TextForm
      name="body"
      label={ct("new.body")}
      hint={ct("new.bodyHint")}
      requiredMessage={ct("error.bodyRequired")}
      submitLabel={ct(`new.submit.${kind}`)}
      field="body"
      pending={post.isPending}
      error={post.error}
      onSubmit={async (body) => {
        try {
          await post.mutateAsync({ kind, body });
        } catch {
          return false;
        }
        onSent(ct(`new.sent.${kind}`));
        return true;
      }}
    >
      <fieldset className="comment-kinds">
        <legend>{ct("new.legend")}</legend>
        {COMMENT_KINDS.map((k) => (
          <label key={k} className="check" htmlFor={`${id}-${k}`}>
            <input
              id={`${id}-${k}`}
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span>{ct(`kind.${k}`)}</span>
          </label>
        ))}
      </fieldset>
    </TextForm>
  );
}
