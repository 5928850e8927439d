"""Forms of the reviews app that the admin's generated ones cannot express alone."""

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile

from reviews import images
from reviews.models import Image


class ImageForm(forms.ModelForm):
    """An image, whose new upload counts against its editor's uploads per minute.

    ``uploader`` is set per request (ImageAdmin.get_form). Without one, uploads share a single
    anonymous allowance rather than having none.
    """

    uploader: AbstractBaseUser | None = None

    class Meta:
        model = Image
        fields = ["file", "kind", "alt_text", "caption", "credit"]

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # not the stored file of an unchanged image
            images.upload_throttle(user_id=getattr(self.uploader, "pk", None))
        elif upload:
            # The stored file, which Django's dimension check has read and closed: reopened, so
            # the model's validator can read it again instead of failing the save (a 500).
            upload.open("rb")
        return upload
